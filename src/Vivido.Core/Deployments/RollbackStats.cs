namespace Vivido.Core.Deployments;

/// <summary>Accepted rollbacks by outcome.</summary>
/// <param name="Total">Every rollback counted.</param>
/// <param name="Succeeded">Its digest was seen healthy at or after the rollback.</param>
/// <param name="Failed">Its digest was seen at or after the rollback, and only as failed.</param>
/// <param name="Pending">Neither yet.</param>
/// <param name="SuccessRate">succeeded / (succeeded + failed); null when that sum is 0.</param>
public sealed record RollbackStats(int Total, int Succeeded, int Failed, int Pending, double? SuccessRate);
