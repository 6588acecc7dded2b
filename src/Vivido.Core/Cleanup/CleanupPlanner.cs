using System.Globalization;
using Vivido.Core.Images;

namespace Vivido.Core.Cleanup;

/// <summary>
/// The pure cleanup decision. A Retired image is deleted unless a deployment reports it healthy or
/// degraded, or it is among its repository's last N rollback candidates. The candidates, best first:
/// the repository's Deprecated images (most recently deprecated first, as rollback picks them), then
/// its Retired images not yet deleted (most recently retired first); the first N are kept.
/// </summary>
internal static class CleanupPlanner
{
    /// <summary>The state whose images the cleanup deletes.</summary>
    public const string RetiredState = "Retired";

    public static CleanupPlan Build(
        DateTimeOffset at,
        int keepRollbackCandidates,
        IReadOnlyList<CleanupInput> images,
        IReadOnlyDictionary<string, IReadOnlyList<string>> deprecatedByRepository)
    {
        var ranks = RankCandidates(keepRollbackCandidates, images, deprecatedByRepository);
        var delete = new List<CleanupTarget>();
        var keep = new List<CleanupKept>();
        var deleted = new List<CleanupDeleted>();
        foreach (var input in images.OrderBy(i => i.Image.Repository, StringComparer.Ordinal))
        {
            var image = input.Image;
            if (input.Deletion is { } entry)
            {
                deleted.Add(new CleanupDeleted(image.Digest, image.Repository, entry.At, entry.Seq));
                continue;
            }

            if (image.State != RetiredState)
            {
                keep.Add(new CleanupKept(image.Digest, image.Repository, image.State, KeepReasons.NotRetired, $"{image.State}, not {RetiredState}"));
                continue;
            }

            var reasons = new List<(string Code, string Text)>();
            reasons.AddRange(input.Deployments.Where(IsRunning).Select(d => (KeepReasons.Running, Running(d))));
            if (ranks.TryGetValue(image.Digest, out var rank))
            {
                reasons.Add((KeepReasons.RollbackCandidate, string.Create(CultureInfo.InvariantCulture, $"rollback candidate #{rank} of {keepRollbackCandidates}")));
            }

            if (reasons.Count == 0)
            {
                delete.Add(new CleanupTarget(image.Digest, image.Repository, image.Version, image.EnteredStateAt));
            }
            else
            {
                keep.Add(new CleanupKept(image.Digest, image.Repository, image.State, reasons[0].Code, string.Join("; ", reasons.Select(r => r.Text))));
            }
        }

        return new CleanupPlan(
            at,
            keepRollbackCandidates,
            [.. delete.OrderBy(d => d.Repository, StringComparer.Ordinal).ThenBy(d => d.RetiredAt).ThenBy(d => d.Digest, StringComparer.Ordinal)],
            keep,
            deleted);
    }

    /// <summary>True for the statuses that mean the image is in use: healthy, degraded, and progressing (admitted or rolling out).</summary>
    public static bool IsRunning(DeploymentFact deployment) =>
        deployment.Status is DeploymentStatus.Healthy or DeploymentStatus.Degraded or DeploymentStatus.Progressing;

    private static Dictionary<string, int> RankCandidates(
        int keep,
        IReadOnlyList<CleanupInput> images,
        IReadOnlyDictionary<string, IReadOnlyList<string>> deprecatedByRepository)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var repository in images.GroupBy(i => i.Image.Repository, StringComparer.Ordinal))
        {
            var deprecated = deprecatedByRepository.TryGetValue(repository.Key, out var list) ? list : [];
            var retired = repository
                .Where(i => i.Image.State == RetiredState && i.Deletion is null)
                .OrderByDescending(i => i.Image.EnteredStateAt)
                .ThenBy(i => i.Image.Digest, StringComparer.Ordinal)
                .Select(i => i.Image.Digest);
            var rank = 0;
            foreach (var digest in deprecated.Concat(retired).Take(keep))
            {
                ranks[digest] = ++rank;
            }
        }

        return ranks;
    }

    private static string Running(DeploymentFact d) =>
        $"running in {d.Environment} ({d.Cluster}/{d.Namespace}/{d.Workload}, {DeploymentStatusNames.Name(d.Status)})";
}
