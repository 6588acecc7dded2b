using Vivido.Benchmarks.Common;
using static Vivido.Benchmarks.Common.Machine;

namespace Vivido.Benchmarks.Transitions;

/// <summary>
/// <c>transitions</c>: transitions/s through the HTTP API (group commit on and off) against raw
/// single-row SQLite transactions measured in the same run, plus an in-process diagnostic (engine +
/// store, no HTTP). Rounds interleave the modes in a rotating order because fsync speed and the
/// machine's load drift; the report gives medians and ratios to the ceiling.
/// </summary>
internal static class TransitionsBenchmark
{
    private const string Ceiling = "raw";

    private static readonly Dictionary<string, Mode> AllModes = new(StringComparer.Ordinal)
    {
        [Ceiling] = new("raw single-row SQLite transactions (ceiling)", (s, d) => RawTransitionCeiling.MeasureAsync(s, d)),
        ["http-group"] = new("HTTP API, store with group commit", (s, d) => HttpTransitionLoad.MeasureAsync(s, groupCommit: true, d)),
        ["http-single"] = new("HTTP API, store without group commit", (s, d) => HttpTransitionLoad.MeasureAsync(s, groupCommit: false, d)),
        ["service-group"] = new("diagnostic: TransitionService in process, no HTTP, group commit", (s, d) => ServiceTransitionLoad.MeasureAsync(s, groupCommit: true, d)),
        ["service-single"] = new("diagnostic: TransitionService in process, no HTTP, no group commit", (s, d) => ServiceTransitionLoad.MeasureAsync(s, groupCommit: false, d)),
        ["http-bare"] = new("diagnostic: bare Kestrel POST endpoint, same clients (HTTP floor)", (s, _) => BareHttpLoad.MeasureAsync(s)),
    };

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args, [.. TransitionSettings.Options, "modes"]);
        var settings = TransitionSettings.From(arguments);
        var modes = SelectModes(arguments.Text("modes") ?? "raw,http-group,http-single,service-group,http-bare");
        var output = Console.Out;
        await output.WriteLineAsync($"transitions: {Describe(TimeProvider.System)}").ConfigureAwait(false);
        await output.WriteLineAsync(
                $"{settings.Clients} clients, {settings.Images} images; an unmeasured {settings.JitWarmupSeconds} s pass per mode, then " +
                $"{settings.Rounds} rounds x {modes.Count} modes, {settings.WarmupSeconds} s warm-up + {settings.Seconds} s measured each; " +
                $"SQLite WAL + synchronous=FULL in {Path.GetTempPath()}")
            .ConfigureAwait(false);

        if (settings.JitWarmupSeconds > 0)
        {
            foreach (var mode in modes)
            {
                using var directory = new TempDirectory("vivido-bench-transitions-");
                var rate = await mode.Measure(settings.JitWarmupPass, directory).ConfigureAwait(false);
                await output.WriteLineAsync($"  warm-up pass (not counted): {mode.Name}: {F(rate.PerSecond)} transitions/s").ConfigureAwait(false);
            }
        }

        var rates = modes.Select(_ => new List<LoadRate>()).ToArray();
        for (var round = 0; round < settings.Rounds; round++)
        {
            for (var step = 0; step < modes.Count; step++)
            {
                var mode = (round + step) % modes.Count;
                using var directory = new TempDirectory("vivido-bench-transitions-");
                var rate = await modes[mode].Measure(settings, directory).ConfigureAwait(false);
                rates[mode].Add(rate);
                await output.WriteLineAsync($"  round {round + 1}: {modes[mode].Name}: {F(rate.PerSecond)} transitions/s, {F(rate.CpuMicrosecondsPerOperation)} us CPU each")
                    .ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(Report(modes, rates)).ConfigureAwait(false);
        await output.WriteLineAsync($"finished; {LoadAverage()}").ConfigureAwait(false);
        return 0;
    }

    /// <summary>The requested modes, the ceiling always first (every ratio needs it).</summary>
    private static List<Mode> SelectModes(string names)
    {
        var selected = new List<Mode> { AllModes[Ceiling] };
        foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n != Ceiling).Distinct())
        {
            selected.Add(AllModes.TryGetValue(name, out var mode)
                ? mode
                : throw new BenchUsageException($"unknown mode '{name}' in --modes; expected some of {string.Join(", ", AllModes.Keys)}"));
        }

        return selected;
    }

    private static string Report(List<Mode> modes, List<LoadRate>[] rates)
    {
        var ceiling = Median(rates[0].Select(r => r.PerSecond));
        var lines = new List<string>
        {
            "| mode | transitions/s (median) | per round | vs raw (ratio of medians) | vs raw, per round | CPU us per transition (median) |",
            "|---|---|---|---|---|---|",
        };
        for (var mode = 0; mode < modes.Count; mode++)
        {
            var median = Median(rates[mode].Select(r => r.PerSecond));
            var perRound = string.Join(", ", rates[mode].Select(r => F(r.PerSecond)));
            var perRoundRatios = string.Join(", ", rates[mode].Select((r, round) => F(r.PerSecond / rates[0][round].PerSecond, 2)));
            var cpu = Median(rates[mode].Select(r => r.CpuMicrosecondsPerOperation));
            lines.Add($"| {modes[mode].Name} | {F(median)} | {perRound} | {F(median / ceiling, 2)} | {perRoundRatios} | {F(cpu)} |");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private sealed record Mode(string Name, Func<TransitionSettings, TempDirectory, Task<LoadRate>> Measure);
}
