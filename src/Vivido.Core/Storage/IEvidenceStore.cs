using Vivido.Core.Images;

namespace Vivido.Core.Storage;

/// <summary>Evidence, approvals, vetoes and deployments attached to digests.</summary>
public interface IEvidenceStore
{
    /// <summary>Stores the normalised fact and the raw document. Null when the digest is not registered; <see cref="ArgumentException"/> when the fact is not evidence.</summary>
    Task<EvidenceRecord?> AttachEvidenceAsync(EvidenceAttachment attachment, CancellationToken cancellationToken = default);

    /// <summary>The digest's evidence, oldest first (optionally of one kind).</summary>
    Task<IReadOnlyList<EvidenceRecord>> ListEvidenceAsync(string digest, EvidenceKind? kind = null, CancellationToken cancellationToken = default);

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
}
