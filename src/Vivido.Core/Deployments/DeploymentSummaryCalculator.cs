using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Core.Deployments;

/// <summary>
/// Computes deployment and rollback success rates from <see cref="IEvidenceStore.ReadDeploymentOutcomesAsync"/>'s
/// rows. Pure: the API's summary and the metrics both use it.
/// </summary>
public static class DeploymentSummaryCalculator
{
    /// <summary>
    /// Counts the deployment rows last seen at or after <paramref name="since"/> per status, and classifies each
    /// rollback committed at or after it by its digest's rows last seen at or after the rollback: any healthy
    /// row means succeeded; rows that are all failed mean failed; anything else (no row yet, progressing,
    /// degraded, stopped) is pending.
    /// </summary>
    public static DeploymentSummary Summarize(DeploymentOutcomes outcomes, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var rows = outcomes.Deployments.Where(r => r.Deployment.LastSeen >= since).ToList();
        return new DeploymentSummary(since, CountDeployments(rows), CountRollbacks(rows, outcomes.Rollbacks.Where(r => r.At >= since)));
    }

    /// <summary>How a rollback turned out, judged by its digest's deployment rows.</summary>
    public static RollbackOutcome Classify(RollbackEntry rollback, IEnumerable<DeploymentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rollback);
        ArgumentNullException.ThrowIfNull(rows);
        var after = rows
            .Where(r => string.Equals(r.Digest, rollback.Digest, StringComparison.Ordinal) && r.Deployment.LastSeen >= rollback.At)
            .Select(r => r.Deployment.Status)
            .ToList();
        if (after.Contains(DeploymentStatus.Healthy))
        {
            return RollbackOutcome.Succeeded;
        }

        return after.Count > 0 && after.All(s => s == DeploymentStatus.Failed) ? RollbackOutcome.Failed : RollbackOutcome.Pending;
    }

    private static DeploymentStats CountDeployments(List<DeploymentRow> rows)
    {
        int Count(DeploymentStatus status) => rows.Count(r => r.Deployment.Status == status);
        var healthy = Count(DeploymentStatus.Healthy);
        var degraded = Count(DeploymentStatus.Degraded);
        var failed = Count(DeploymentStatus.Failed);
        return new DeploymentStats(
            rows.Count, healthy, degraded, failed, Count(DeploymentStatus.Stopped), Count(DeploymentStatus.Progressing), Rate(healthy, healthy + degraded + failed));
    }

    private static RollbackStats CountRollbacks(List<DeploymentRow> rows, IEnumerable<RollbackEntry> rollbacks)
    {
        var byDigest = rows.ToLookup(r => r.Digest, StringComparer.Ordinal);
        var outcomes = rollbacks.Select(r => Classify(r, byDigest[r.Digest])).ToList();
        var succeeded = outcomes.Count(o => o == RollbackOutcome.Succeeded);
        var failed = outcomes.Count(o => o == RollbackOutcome.Failed);
        return new RollbackStats(outcomes.Count, succeeded, failed, outcomes.Count - succeeded - failed, Rate(succeeded, succeeded + failed));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
