namespace Vivido.Evidence;

/// <summary>A normalised vulnerability scan (Trivy, Grype, or a CycloneDX BOM with vulnerabilities).</summary>
/// <param name="Format">What it was detected as (see <see cref="EvidenceDocument"/>).</param>
/// <param name="FormatVersion">The format's own version (see <see cref="EvidenceDocument"/>).</param>
/// <param name="Subjects">The image digests it is about (see <see cref="EvidenceDocument"/>).</param>
/// <param name="Scanner">The scanner's name, lowercase (<c>trivy</c>, <c>grype</c>, or the CycloneDX tool name).</param>
/// <param name="ScannerVersion">Its version, when the report says.</param>
/// <param name="ScannedAt">When the scan ran (Trivy CreatedAt, Grype descriptor.timestamp, CycloneDX metadata.timestamp), when the report says.</param>
/// <param name="DatabaseAt">When the vulnerability database was built (Grype descriptor.db…built, Trivy's DB metadata), when the report says.</param>
/// <param name="Counts">Findings per severity.</param>
/// <param name="Findings">Every finding, in report order.</param>
/// <param name="Vulnerabilities">Unique vulnerabilities, by id, in first-seen order.</param>
public sealed record ScanReport(
    EvidenceFormat Format,
    string FormatVersion,
    IReadOnlyList<string> Subjects,
    string Scanner,
    string? ScannerVersion,
    DateTimeOffset? ScannedAt,
    DateTimeOffset? DatabaseAt,
    SeverityCounts Counts,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Vulnerability> Vulnerabilities) : EvidenceDocument(Format, FormatVersion, Subjects);
