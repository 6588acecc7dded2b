namespace Vivido.Core.Images;

/// <summary>Normalised evidence about a digest. Absent facts are null; lists are empty when there is none.</summary>
public sealed record ImageFacts(
    ScanFact? Scan,
    SbomFact? Sbom,
    SignatureFact? Signature,
    ProvenanceFact? Provenance,
    IReadOnlyList<TestResultFact> Tests,
    IReadOnlyList<ApprovalFact> Approvals,
    IReadOnlyList<DeploymentFact> Deployments)
{
    /// <summary>No evidence at all.</summary>
    public static ImageFacts None { get; } = new(null, null, null, null, [], [], []);
}
