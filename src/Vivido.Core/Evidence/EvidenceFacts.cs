using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Evidence;

namespace Vivido.Core.Evidence;

/// <summary>Turns a read document into the normalised fact guards see and the rows queries use.</summary>
internal static class EvidenceFacts
{
    /// <summary>The format's name as stored and shown.</summary>
    public static string FormatName(EvidenceFormat format) => format switch
    {
        EvidenceFormat.Trivy => "trivy",
        EvidenceFormat.Grype => "grype",
        EvidenceFormat.CycloneDx => "cyclonedx",
        EvidenceFormat.Spdx => "spdx",
        _ => "in-toto",
    };

    public static EvidenceAttachment Scan(string digest, ScanReport scan, ScoreWeights weights, string raw, string? mediaType, string actor, DateTimeOffset at)
    {
        var counts = scan.Counts;
        var fact = new ScanFact(
            scan.Scanner, counts.Critical, counts.High, counts.Medium, counts.Low, counts.Unknown,
            weights.Score(counts), scan.Vulnerabilities.Select(v => v.Id).ToList(), at)
        {
            ScannerVersion = scan.ScannerVersion,
            ScannedAt = scan.ScannedAt,
            DatabaseAt = scan.DatabaseAt,
            Format = FormatName(scan.Format),
        };
        return new EvidenceAttachment(digest, fact, raw, mediaType, actor, at)
        {
            Findings = scan.Findings.Select(f => new VulnerabilityFinding(
                f.Id, SeverityName(f.Severity), f.Cvss, f.Package, f.InstalledVersion, f.FixedVersion, f.Purl)).ToList(),
        };
    }

    public static EvidenceAttachment Sbom(string digest, SbomDocument sbom, string raw, string? mediaType, string actor, DateTimeOffset at) =>
        new(digest, new SbomFact(FormatName(sbom.Format), sbom.Components.Count, at) { SpecVersion = sbom.FormatVersion, Tool = sbom.Tool }, raw, mediaType, actor, at)
        {
            Packages = sbom.Components.Select(c => new PackageRecord(
                c.Name, c.Version, c.Purl, c.Purl is not null && PackageUrl.TryParse(c.Purl, out var purl) ? purl.Base : null)).ToList(),
        };

    public static EvidenceAttachment Provenance(string digest, ProvenanceDocument provenance, string raw, string? mediaType, string actor, DateTimeOffset at) =>
        new(
            digest,
            new ProvenanceFact(provenance.Builder, Verified: false, at)
            {
                SourceRepo = provenance.SourceRepo,
                BuildType = provenance.BuildType,
                SourceRevision = provenance.SourceRevision,
                PredicateType = provenance.PredicateType,
            },
            raw,
            mediaType,
            actor,
            at);

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        _ => "unknown",
    };
}
