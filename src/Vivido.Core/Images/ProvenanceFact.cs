namespace Vivido.Core.Images;

/// <summary>Build provenance (in-toto / SLSA).</summary>
/// <param name="Builder">The builder's id.</param>
/// <param name="Verified">Whether its signature was verified (Vivido does not verify DSSE signatures yet: false).</param>
/// <param name="At">When it was attached.</param>
public sealed record ProvenanceFact(string Builder, bool Verified, DateTimeOffset At)
{
    /// <summary>The source repository (<c>https://github.com/org/repo</c>), when named.</summary>
    public string? SourceRepo { get; init; }

    /// <summary>The build type URI, when given.</summary>
    public string? BuildType { get; init; }

    /// <summary>The source commit, when given.</summary>
    public string? SourceRevision { get; init; }

    /// <summary>The SLSA predicate type.</summary>
    public string? PredicateType { get; init; }
}
