using Vivido.Core.Images;

namespace Vivido.Core.Storage;

/// <summary>Evidence, approvals, vetoes and deployments attached to digests.</summary>
public interface IEvidenceStore
{
    /// <summary>
    /// Stores the normalised fact and the raw document (gzip-compressed, with its SHA-256), in one
    /// transaction with: for a scan with <see cref="EvidenceAttachment.Findings"/>, replacing the
    /// image's current findings and adding a sighting (first seen = <see cref="EvidenceAttachment.At"/>)
    /// for each vulnerability id not sighted before, and marking sightings absent from the new scan
    /// as not present; for an SBOM with <see cref="EvidenceAttachment.Packages"/>, replacing the
    /// image's current packages. Null when the digest is not registered; <see cref="ArgumentException"/>
    /// when the fact is not evidence.
    /// </summary>
    Task<EvidenceRecord?> AttachEvidenceAsync(EvidenceAttachment attachment, CancellationToken cancellationToken = default);

    /// <summary>The digest's evidence, oldest first (optionally of one kind). Records carry no raw document: read it with <see cref="ReadRawEvidenceAsync"/>.</summary>
    Task<IReadOnlyList<EvidenceRecord>> ListEvidenceAsync(string digest, EvidenceKind? kind = null, CancellationToken cancellationToken = default);

    /// <summary>The raw document of evidence <paramref name="id"/>, decompressed; null when there is no such evidence or it kept no document.</summary>
    Task<RawEvidence?> ReadRawEvidenceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The image's current findings (those of its newest scan that listed findings), in report order; empty for an unknown digest.</summary>
    Task<IReadOnlyList<VulnerabilityFinding>> ListFindingsAsync(string digest, CancellationToken cancellationToken = default);

    /// <summary>Every image whose newest scan reports <paramref name="vulnerabilityId"/> (case-insensitive), by repository then digest, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<VulnerableImage>> FindVulnerableImagesAsync(string vulnerabilityId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every image whose newest SBOM lists a package with <see cref="PackageRecord.PurlBase"/> =
    /// <paramref name="purlBase"/>, and version = <paramref name="version"/> when that is not null;
    /// by repository then digest, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<PackageMatch>> FindImagesWithPackageAsync(string purlBase, string? version, int limit, CancellationToken cancellationToken = default);

    /// <summary>The spans of <paramref name="repository"/>'s images in <paramref name="states"/> (from history) and its vulnerability sightings.</summary>
    Task<RepositoryExposure> ReadExposureAsync(string repository, IReadOnlyCollection<string> states, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: picks the images <paramref name="request"/> describes, records that each was
    /// requested at <see cref="RescanRequest.At"/>, and writes one outbox message per image with topic
    /// <see cref="RescanRequest.Topic"/> and payload
    /// <c>{"digest","repository","state","lastScannedAt"(or null),"requestedAt"}</c> (no history entry).
    /// </summary>
    Task<IReadOnlyList<RescanRequested>> RequestRescansAsync(RescanRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records an approval. False when the digest is not registered.</summary>
    Task<bool> RecordApprovalAsync(ApprovalRecord approval, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the vetoed flag and records who vetoed and why. The version goes up by one, so a transition
    /// decided before the veto (a rollback to this digest, say) fails its compare-and-swap instead of
    /// ignoring the veto. Returns the updated image, or null when the digest is not registered.
    /// </summary>
    Task<ImageRecord?> RecordVetoAsync(VetoRecord veto, CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates the deployment row for (digest, environment, cluster, namespace, workload): first seen kept, last seen and status updated. False when the digest is not registered.</summary>
    Task<bool> RecordDeploymentAsync(DeploymentReport report, CancellationToken cancellationToken = default);

    /// <summary>Where the digest runs.</summary>
    Task<IReadOnlyList<DeploymentFact>> ListDeploymentsAsync(string digest, CancellationToken cancellationToken = default);

    /// <summary>
    /// What deployment and rollback success rates are computed from: every deployment row whose last seen
    /// is at or after <paramref name="since"/> (oldest row first), and every accepted <c>rollback</c>
    /// history entry at or after it (seq order), each with its image's digest and repository.
    /// </summary>
    Task<DeploymentOutcomes> ReadDeploymentOutcomesAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
