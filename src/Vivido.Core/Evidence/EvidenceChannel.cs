namespace Vivido.Core.Evidence;

/// <summary>Where a document was posted, which decides what it may be.</summary>
public enum EvidenceChannel
{
    /// <summary><c>/scans</c>: Trivy, Grype, or a CycloneDX BOM with vulnerabilities.</summary>
    Scan,

    /// <summary><c>/sboms</c>: CycloneDX or SPDX.</summary>
    Sbom,

    /// <summary><c>/attestations</c>: in-toto SLSA provenance, bare, in DSSE or in a Sigstore bundle.</summary>
    Attestation,
}
