namespace Vivido.Core.Images;

/// <summary>The latest vulnerability scan: findings per severity, score, CVE ids.</summary>
/// <param name="Scanner">The scanner's name (<c>trivy</c>, <c>grype</c>, <c>harbor</c>…).</param>
/// <param name="Critical">Critical findings (a vulnerability in two packages counts twice).</param>
/// <param name="High">High findings.</param>
/// <param name="Medium">Medium findings.</param>
/// <param name="Low">Low findings.</param>
/// <param name="Unknown">Findings of unknown severity.</param>
/// <param name="Score">The lifecycle's score formula over these counts, 0 to 10 (docs/evidence.md).</param>
/// <param name="Cves">The unique vulnerability ids, in report order.</param>
/// <param name="At">When Vivido received it.</param>
public sealed record ScanFact(
    string Scanner,
    int Critical,
    int High,
    int Medium,
    int Low,
    int Unknown,
    double Score,
    IReadOnlyList<string> Cves,
    DateTimeOffset At)
{
    /// <summary>The scanner's version, when the report says.</summary>
    public string? ScannerVersion { get; init; }

    /// <summary>When the scan ran, when the report says.</summary>
    public DateTimeOffset? ScannedAt { get; init; }

    /// <summary>When the scanner's vulnerability database was built, when the report says.</summary>
    public DateTimeOffset? DatabaseAt { get; init; }

    /// <summary>The document format (<c>trivy</c>, <c>grype</c>, <c>cyclonedx</c>), when read from a document.</summary>
    public string? Format { get; init; }
}
