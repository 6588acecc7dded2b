namespace Vivido.Core.Cleanup;

/// <summary>A Retired image the cleanup deletes from its registry.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Repository">Its repository (the registry host is its first component).</param>
/// <param name="Version">The version the plan saw; the deletion is recorded only at that version.</param>
/// <param name="RetiredAt">When it entered Retired.</param>
public sealed record CleanupTarget(string Digest, string Repository, long Version, DateTimeOffset RetiredAt);
