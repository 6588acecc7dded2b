namespace Vivido.Core.Deployments;

/// <summary>Deployment and rollback success since a point in time.</summary>
/// <param name="Since">The cut-off: deployment rows last seen and rollbacks committed at or after it.</param>
/// <param name="Deployments">Deployment rows by status.</param>
/// <param name="Rollbacks">Rollbacks by outcome.</param>
public sealed record DeploymentSummary(DateTimeOffset Since, DeploymentStats Deployments, RollbackStats Rollbacks);
