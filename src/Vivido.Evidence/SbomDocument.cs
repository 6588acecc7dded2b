namespace Vivido.Evidence;

/// <summary>A normalised SBOM (CycloneDX or SPDX).</summary>
/// <param name="Format">What it was detected as (see <see cref="EvidenceDocument"/>).</param>
/// <param name="FormatVersion">The format's own version (see <see cref="EvidenceDocument"/>).</param>
/// <param name="Subjects">The image digests it is about (see <see cref="EvidenceDocument"/>).</param>
/// <param name="Tool">The generating tool's name and version (<c>trivy 0.58.0</c>), when given.</param>
/// <param name="CreatedAt">The document's creation time, when given.</param>
/// <param name="Components">
/// The packages it lists, excluding the described image itself and its OS/layer pseudo-packages
/// (CycloneDX metadata.component; SPDX packages with primaryPackagePurpose CONTAINER).
/// </param>
/// <param name="Scan">For a CycloneDX BOM with a vulnerabilities section: the scan it carries; otherwise null.</param>
public sealed record SbomDocument(
    EvidenceFormat Format,
    string FormatVersion,
    IReadOnlyList<string> Subjects,
    string? Tool,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<Component> Components,
    ScanReport? Scan) : EvidenceDocument(Format, FormatVersion, Subjects);
