namespace Vivido.Core.Evidence;

/// <summary>Time to patch over many vulnerabilities: counts, and mean, median and 90th percentile of the patched ones.</summary>
public sealed record PatchTimeSummary(
    string? Repository,
    int Patched,
    int Open,
    double? MeanSeconds,
    double? MedianSeconds,
    double? P90Seconds,
    IReadOnlyList<PatchTime> Items)
{
    /// <summary>Summarises <paramref name="items"/>; percentiles use the nearest-rank method.</summary>
    public static PatchTimeSummary Of(string? repository, IReadOnlyList<PatchTime> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var patched = items.Where(i => !i.Open).Select(i => i.Seconds).Order().ToList();
        return new PatchTimeSummary(
            repository,
            patched.Count,
            items.Count - patched.Count,
            patched.Count == 0 ? null : patched.Average(),
            Rank(patched, 0.5),
            Rank(patched, 0.9),
            items);
    }

    private static double? Rank(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
