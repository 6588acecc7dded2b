namespace Vivido.Core.Evidence;

/// <summary>How long one vulnerability stayed in a repository's production images.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Vulnerability">The vulnerability id.</param>
/// <param name="FirstSeenActive">When it was first known to run in production: the later of the scan that found it and the image entering an Active state.</param>
/// <param name="ExposedDigest">The production digest it was first seen in.</param>
/// <param name="PatchedAt">When the first production digest without it entered an Active state; null while open.</param>
/// <param name="PatchedBy">That digest.</param>
/// <param name="Seconds">PatchedAt − FirstSeenActive, or now − FirstSeenActive while open.</param>
public sealed record PatchTime(
    string Repository,
    string Vulnerability,
    DateTimeOffset FirstSeenActive,
    string ExposedDigest,
    DateTimeOffset? PatchedAt,
    string? PatchedBy,
    double Seconds)
{
    /// <summary>No production digest without it yet.</summary>
    public bool Open => PatchedAt is null;
}
