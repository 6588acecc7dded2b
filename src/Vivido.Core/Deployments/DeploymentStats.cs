namespace Vivido.Core.Deployments;

/// <summary>Deployment rows by status, and how many of those whose health is known are healthy.</summary>
/// <param name="Total">Every row counted.</param>
/// <param name="Healthy">Rows whose status is healthy.</param>
/// <param name="Degraded">Rows whose status is degraded.</param>
/// <param name="Failed">Rows whose status is failed.</param>
/// <param name="Stopped">Rows whose status is stopped.</param>
/// <param name="Progressing">Rows whose status is progressing.</param>
/// <param name="SuccessRate">healthy / (healthy + degraded + failed); null when that sum is 0.</param>
public sealed record DeploymentStats(int Total, int Healthy, int Degraded, int Failed, int Stopped, int Progressing, double? SuccessRate);
