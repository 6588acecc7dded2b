namespace Vivido.Evidence;

/// <summary>The document formats Vivido reads.</summary>
public enum EvidenceFormat
{
    /// <summary>Trivy JSON, SchemaVersion 2.</summary>
    Trivy,

    /// <summary>Grype JSON (<c>grype -o json</c>).</summary>
    Grype,

    /// <summary>CycloneDX JSON 1.4 to 1.6.</summary>
    CycloneDx,

    /// <summary>SPDX 2.3 JSON.</summary>
    Spdx,

    /// <summary>An in-toto Statement (v0.1 or v1), bare, in a DSSE envelope or in a Sigstore bundle.</summary>
    InToto,
}
