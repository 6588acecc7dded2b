using Vivido.Benchmarks.Common;
using static Vivido.Benchmarks.Common.Machine;

namespace Vivido.Benchmarks.Admission;

/// <summary>
/// The Markdown tables and verdicts of <c>admission</c>: the first target is Vivido, the second the ceiling,
/// any others diagnostics; the open loop ran on the first <c>open.Count</c> targets (those over HTTP).
/// </summary>
internal static class AdmissionReport
{
    public static string Write(
        IReadOnlyList<string> names, IReadOnlyList<ClosedLoopResult>[] closed, IReadOnlyList<OpenLoopResult> open, AdmissionSettings settings, double ratioTarget, double p99Target)
    {
        var medians = closed.Select(results => Median(results.Select(r => r.PerSecond))).ToArray();
        var lines = new List<string>
        {
            $"closed loop, {settings.Clients} clients:",
            "",
            "| target | reviews/s (median) | per round | vs bare | p50 ms | p99 ms | CPU µs per review |",
            "|---|---:|---|---:|---:|---:|---:|",
        };
        for (var target = 0; target < names.Count; target++)
        {
            var latency = LatencySummary.From([.. closed[target].SelectMany(r => r.Milliseconds)]);
            lines.Add($"| {names[target]} | {F(medians[target])} | {string.Join(", ", closed[target].Select(r => F(r.PerSecond)))} | " +
                $"{F(medians[target] / medians[1], 2)} | {F(latency.P50, 2)} | {F(latency.P99, 2)} | {F(Median(closed[target].Select(r => r.CpuMicrosecondsPerReview)))} |");
        }

        lines.Add("");
        lines.Add($"open loop, {settings.Rate} reviews/s scheduled for {settings.Seconds} s (latency from the scheduled send time):");
        lines.Add("");
        lines.Add("| target | answered/s | p50 ms | p95 ms | p99 ms | max ms | send lag p99 ms |");
        lines.Add("|---|---:|---:|---:|---:|---:|---:|");
        for (var target = 0; target < open.Count; target++)
        {
            var o = open[target];
            lines.Add($"| {names[target]} | {F(o.AnsweredPerSecond)} | {F(o.Latency.P50, 2)} | {F(o.Latency.P95, 2)} | {F(o.Latency.P99, 2)} | {F(o.Latency.Max, 2)} | {F(o.DispatchLag.P99, 2)} |");
        }

        var ratio = medians[0] / medians[1];
        var p99 = open[0].Latency.P99;
        lines.Add("");
        lines.Add($"ratio vivido/bare throughput: {F(ratio, 2)} (target >= {F(ratioTarget, 1)}): {(ratio >= ratioTarget ? "met" : "NOT met")}");
        lines.Add($"p99 at {settings.Rate} reviews/s: {F(p99, 2)} ms (target < {F(p99Target)} ms): {(p99 < p99Target ? "met" : "NOT met")}");
        return string.Join(Environment.NewLine, lines);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
