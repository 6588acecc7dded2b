namespace Vivido.Core.Storage;

/// <summary>The kinds of evidence a store keeps. Stored as the lowercase name.</summary>
public enum EvidenceKind
{
    /// <summary>A vulnerability scan (<see cref="Images.ScanFact"/>).</summary>
    Scan,

    /// <summary>A software bill of materials (<see cref="Images.SbomFact"/>).</summary>
    Sbom,

    /// <summary>A signature verification (<see cref="Images.SignatureFact"/>).</summary>
    Signature,

    /// <summary>Build provenance (<see cref="Images.ProvenanceFact"/>).</summary>
    Provenance,

    /// <summary>A test suite's result (<see cref="Images.TestResultFact"/>).</summary>
    Test,
}
