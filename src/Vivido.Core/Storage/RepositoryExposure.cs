namespace Vivido.Core.Storage;

/// <summary>What time-to-patch is computed from, for one repository.</summary>
/// <param name="Spans">Every stay of the repository's images in the requested states, oldest first.</param>
/// <param name="Sightings">Every vulnerability ever reported in the repository's images.</param>
/// <param name="Scanned">The repository's digests that have at least one scan.</param>
public sealed record RepositoryExposure(
    IReadOnlyList<StateSpan> Spans,
    IReadOnlyList<VulnerabilitySighting> Sightings,
    IReadOnlyCollection<string> Scanned);
