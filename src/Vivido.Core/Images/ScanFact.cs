namespace Vivido.Core.Images;

/// <summary>The latest vulnerability scan: findings per severity, score, CVE ids.</summary>
public sealed record ScanFact(
    string Scanner,
    int Critical,
    int High,
    int Medium,
    int Low,
    int Unknown,
    double Score,
    IReadOnlyList<string> Cves,
    DateTimeOffset At);
