using static Vivido.Benchmarks.Common.Machine;

namespace Vivido.Benchmarks.Postgres;

/// <summary>The lines and the Markdown table <c>pg-transitions</c> prints; medians over rounds, ratios to the ceiling (the first mode).</summary>
internal static class PgReport
{
    private const string NotMeasured = "n/a";

    /// <summary>One segment, for the progress lines.</summary>
    public static string Line(PgMeasurement m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return $"{F(m.Rate.PerSecond)} transitions/s; {Optional(m.RoundTrips, 1)} round trips each; chain lock held {Lock(m.Lock)} ms, " +
               $"{F(m.Lock.MeanWaiters, 1)} waiting; CPU us each: bench {F(m.Rate.CpuMicrosecondsPerOperation)}, replicas {Optional(m.ReplicaCpuMicroseconds)}, " +
               $"PostgreSQL {Optional(m.PostgresCpuMicroseconds)}";
    }

    public static string Table(IReadOnlyList<PgMode> modes, IReadOnlyList<List<PgMeasurement>> results, double target)
    {
        ArgumentNullException.ThrowIfNull(modes);
        ArgumentNullException.ThrowIfNull(results);
        var ceiling = Median(results[0].Select(m => m.Rate.PerSecond));
        var lines = new List<string>
        {
            "| mode | transitions/s (median) | per round | vs pg-raw | vs pg-raw, per round | round trips per transition | chain lock held, ms per transition (client / WAL flush / executing) | sessions waiting on it | CPU us per transition: bench process / replica processes / PostgreSQL |",
            "|---|---|---|---|---|---|---|---|---|",
        };
        for (var mode = 0; mode < modes.Count; mode++)
        {
            var rounds = results[mode];
            var median = Median(rounds.Select(m => m.Rate.PerSecond));
            var perRound = string.Join(", ", rounds.Select(m => F(m.Rate.PerSecond)));
            var ratios = string.Join(", ", rounds.Select((m, round) => F(m.Rate.PerSecond / results[0][round].Rate.PerSecond, 2)));
            var held = new ChainLockProfile(
                Median(rounds.Select(m => m.Lock.HeldMs)), Median(rounds.Select(m => m.Lock.ClientMs)), Median(rounds.Select(m => m.Lock.WalFlushMs)),
                Median(rounds.Select(m => m.Lock.ExecutingMs)), Median(rounds.Select(m => m.Lock.MeanWaiters)));
            lines.Add(
                $"| {modes[mode].Name} | {F(median)} | {perRound} | {F(median / ceiling, 2)} | {ratios} | {Optional(MedianOf(rounds, m => m.RoundTrips), 1)} | " +
                $"{Lock(held)} | {F(held.MeanWaiters, 1)} | {F(Median(rounds.Select(m => m.Rate.CpuMicrosecondsPerOperation)))} / " +
                $"{Optional(MedianOf(rounds, m => m.ReplicaCpuMicroseconds))} / {Optional(MedianOf(rounds, m => m.PostgresCpuMicroseconds))} |");
        }

        lines.Add(string.Empty);
        for (var mode = 1; mode < modes.Count; mode++)
        {
            var ratio = Median(results[mode].Select(m => m.Rate.PerSecond)) / ceiling;
            lines.Add($"{modes[mode].Key}: {F(ratio, 2)}x pg-raw (target >= {F(target, 1)}x: {(ratio >= target ? "met" : "missed")})");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Lock(ChainLockProfile p) => $"{F(p.HeldMs, 2)} ({F(p.ClientMs, 2)} / {F(p.WalFlushMs, 2)} / {F(p.ExecutingMs, 2)})";

    private static string Optional(double? value, int decimals = 0) => value is { } v ? F(v, decimals) : NotMeasured;

    private static double? MedianOf(List<PgMeasurement> rounds, Func<PgMeasurement, double?> value)
    {
        var values = rounds.Select(value).ToList();
        return values.All(v => v.HasValue) ? Median(values.Select(v => v!.Value)) : null;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
