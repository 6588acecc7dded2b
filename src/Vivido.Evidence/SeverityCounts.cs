namespace Vivido.Evidence;

/// <summary>Findings per severity: a vulnerability in two packages counts twice, as scanners count them.</summary>
public sealed record SeverityCounts(int Critical, int High, int Medium, int Low, int Unknown)
{
    /// <summary>No findings.</summary>
    public static SeverityCounts Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>All findings.</summary>
    public int Total => Critical + High + Medium + Low + Unknown;
}
