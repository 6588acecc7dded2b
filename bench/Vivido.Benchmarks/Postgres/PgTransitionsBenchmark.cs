using Vivido.Benchmarks.Common;
using Vivido.Benchmarks.Transitions;
using static Vivido.Benchmarks.Common.Machine;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// <c>pg-transitions</c>: transitions/s through the HTTP API over PostgreSQL, with one replica and with
/// three (each with its own store and pool), against raw Npgsql transactions doing the same durable
/// writes, measured in the same run on the same cluster. Rounds interleave the modes in a rotating
/// order (fsync speed and the machine's load drift); every segment gets a fresh database. The report
/// gives medians, ratios to the ceiling, and where the time goes: round trips, the chain-head lock's
/// hold time by phase, and CPU per transition.
/// </summary>
internal static class PgTransitionsBenchmark
{
    private const string Ceiling = "pg-raw";
    private const string ReplicaProcessesFlag = "--replica-processes";
    private const double Target = 0.6;

    private static readonly PgMode[] AllModes =
    [
        new(Ceiling, "raw Npgsql transactions (ceiling)", PgRawCeiling.MeasureAsync),
        new("pg-http-1", "HTTP API, 1 replica", (s, d) => PgHttpLoad.MeasureAsync(s, d, 1, PgReplica.StartAsync)),
        new("pg-http-3", "HTTP API, 3 replicas in this process (own stores)", (s, d) => PgHttpLoad.MeasureAsync(s, d, 3, PgReplica.StartAsync)),
        new("pg-store", "diagnostic: PostgresStore.CommitTransitionAsync in process, no HTTP", PgStoreLoad.MeasureAsync),
        // Fresh processes compile afresh (tiered JIT), so their segments warm up for --jit-warmup more seconds.
        new(
            "pg-proc-3",
            "HTTP API, 3 `vivido serve` processes",
            (s, d) => PgHttpLoad.MeasureAsync(s with { WarmupSeconds = s.WarmupSeconds + s.JitWarmupSeconds }, d, 3, PgReplicaProcess.StartAsync)),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var processes = args.Contains(ReplicaProcessesFlag);
        var arguments = BenchArguments.Parse([.. args.Where(a => a != ReplicaProcessesFlag)], [.. TransitionSettings.Options, "modes", "database"]);
        var settings = TransitionSettings.From(arguments);
        var modes = SelectModes(arguments.Text("modes") ?? "pg-raw,pg-http-1,pg-http-3", processes);
        var output = Console.Out;
        await output.WriteLineAsync($"pg-transitions: {Describe(TimeProvider.System)}").ConfigureAwait(false);

        var cluster = await PgBenchCluster.StartAsync(arguments.Text("database")).ConfigureAwait(false);
        await using (cluster.ConfigureAwait(false))
        {
            using var roundTrips = new NpgsqlRoundTrips();
            await output.WriteLineAsync(await cluster.DescribeAsync().ConfigureAwait(false)).ConfigureAwait(false);
            await output.WriteLineAsync(
                    $"{settings.Clients} clients, {settings.Images} images; an unmeasured {settings.JitWarmupSeconds} s pass per mode, then " +
                    $"{settings.Rounds} rounds x {modes.Count} modes, {settings.WarmupSeconds} s warm-up + {settings.Seconds} s measured each, a fresh database per segment")
                .ConfigureAwait(false);

            if (settings.JitWarmupSeconds > 0)
            {
                foreach (var mode in modes)
                {
                    var warm = await MeasureAsync(mode, settings.JitWarmupPass, cluster, roundTrips).ConfigureAwait(false);
                    await output.WriteLineAsync($"  warm-up pass (not counted): {mode.Key}: {F(warm.Rate.PerSecond)} transitions/s").ConfigureAwait(false);
                }
            }

            var results = modes.Select(_ => new List<PgMeasurement>()).ToArray();
            for (var round = 0; round < settings.Rounds; round++)
            {
                for (var step = 0; step < modes.Count; step++)
                {
                    var mode = (round + step) % modes.Count;
                    var measurement = await MeasureAsync(modes[mode], settings, cluster, roundTrips).ConfigureAwait(false);
                    results[mode].Add(measurement);
                    await output.WriteLineAsync($"  round {round + 1}: {modes[mode].Key}: {PgReport.Line(measurement)}").ConfigureAwait(false);
                }
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(PgReport.Table(modes, results, Target)).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"finished; {LoadAverage()}").ConfigureAwait(false);
        return 0;
    }

    private static async Task<PgMeasurement> MeasureAsync(PgMode mode, TransitionSettings settings, PgBenchCluster cluster, NpgsqlRoundTrips roundTrips)
    {
        using var directory = new TempDirectory("vivido-bench-pg-");
        var database = await cluster.CreateDatabaseAsync().ConfigureAwait(false);
        await using (database.ConfigureAwait(false))
        {
            return await mode.Measure(settings, new PgSegment(cluster, database, directory, roundTrips)).ConfigureAwait(false);
        }
    }

    /// <summary>The requested modes, the ceiling always first (every ratio needs it); <c>--replica-processes</c> adds <c>pg-proc-3</c>.</summary>
    private static List<PgMode> SelectModes(string names, bool processes)
    {
        var keys = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (processes)
        {
            keys.Add("pg-proc-3");
        }

        var selected = new List<PgMode> { AllModes[0] };
        foreach (var key in keys.Where(k => k != Ceiling).Distinct())
        {
            selected.Add(AllModes.FirstOrDefault(m => m.Key == key)
                ?? throw new BenchUsageException($"unknown mode '{key}' in --modes; expected some of {string.Join(", ", AllModes.Select(m => m.Key))}"));
        }

        return selected;
    }
}
