using Vivido.Core.Images;

namespace Vivido.Core.Storage;

/// <summary>Normalised evidence to attach to a digest, with the raw document kept for audit.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Fact">A <see cref="ScanFact"/>, <see cref="SbomFact"/>, <see cref="SignatureFact"/>, <see cref="ProvenanceFact"/> or <see cref="TestResultFact"/>.</param>
/// <param name="RawDocument">The document the fact was read from (a Trivy report, an SBOM...), if any.</param>
/// <param name="MediaType">The raw document's media type, e.g. <c>application/json</c>.</param>
/// <param name="Actor">Who attached it.</param>
/// <param name="At">When.</param>
public sealed record EvidenceAttachment(string Digest, object Fact, string? RawDocument, string? MediaType, string Actor, DateTimeOffset At)
{
    /// <summary>For a scan: every finding of the report (replaces the image's current findings). Null leaves them as they are.</summary>
    public IReadOnlyList<VulnerabilityFinding>? Findings { get; init; }

    /// <summary>For an SBOM: every package it lists (replaces the image's current packages). Null leaves them as they are.</summary>
    public IReadOnlyList<PackageRecord>? Packages { get; init; }

    /// <summary>The kind <see cref="Fact"/> is; throws <see cref="ArgumentException"/> for any other type.</summary>
    public EvidenceKind Kind => KindOf(Fact);

    /// <summary>The kind of a fact object; throws <see cref="ArgumentException"/> for a type that is not evidence.</summary>
    public static EvidenceKind KindOf(object fact) => fact switch
    {
        ScanFact => EvidenceKind.Scan,
        SbomFact => EvidenceKind.Sbom,
        SignatureFact => EvidenceKind.Signature,
        ProvenanceFact => EvidenceKind.Provenance,
        TestResultFact => EvidenceKind.Test,
        _ => throw new ArgumentException($"{fact?.GetType().Name ?? "null"} is not an evidence fact", nameof(fact)),
    };
}
