namespace Vivido.Cli;

/// <summary>A digest found in the registry with the tags that point at it; <see cref="Repository"/> is the Vivido name (with host).</summary>
internal sealed record ImportCandidate(string Repository, string Digest, IReadOnlyList<string> Tags);
