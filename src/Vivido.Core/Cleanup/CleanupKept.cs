namespace Vivido.Core.Cleanup;

/// <summary>An image the cleanup leaves alone, and why.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Repository">Its repository.</param>
/// <param name="State">Its state.</param>
/// <param name="Reason">The first reason, a <see cref="KeepReasons"/> value.</param>
/// <param name="Detail">Every reason, for people: <c>running in prod (eu-1/prod/deployment/api, healthy)</c>, <c>rollback candidate #2 of 3</c>.</param>
public sealed record CleanupKept(string Digest, string Repository, string State, string Reason, string Detail);
