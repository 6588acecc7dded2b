namespace Vivido.Core.Storage;

/// <summary>The rows <see cref="IEvidenceStore.ReadDeploymentOutcomesAsync"/> returns: recent deployments and rollbacks.</summary>
/// <param name="Deployments">Deployment rows last seen at or after the cut-off, oldest row first.</param>
/// <param name="Rollbacks">Accepted rollback entries at or after the cut-off, in history order.</param>
public sealed record DeploymentOutcomes(IReadOnlyList<DeploymentRow> Deployments, IReadOnlyList<RollbackEntry> Rollbacks);
