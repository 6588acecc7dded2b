using Vivido.Benchmarks.Common;
using Vivido.Store.Sqlite;
using static Vivido.Benchmarks.Common.Machine;

namespace Vivido.Benchmarks.Reads;

/// <summary>
/// <c>reads</c>: p50/p95/p99 of <c>GET /api/v1/images?state=Active&amp;repository=R</c> and
/// <c>GET /api/v1/images/{digest}</c> on a large seeded database, against a bare Kestrel endpoint
/// returning fixed JSON of the same size, from the same client, in interleaved blocks.
/// </summary>
internal static class ReadsBenchmark
{
    private const double TargetP99Milliseconds = 10;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = ReadSettings.From(BenchArguments.Parse(args, ReadSettings.Options));
        var plan = new SeedPlan(settings.Images, settings.History, settings.Repositories);
        var output = Console.Out;
        await output.WriteLineAsync($"reads: {Describe(TimeProvider.System)}").ConfigureAwait(false);
        await output.WriteLineAsync($"database: {settings.DatabasePath}").ConfigureAwait(false);
        await ReadsSeeder.EnsureAsync(settings.DatabasePath, plan, output).ConfigureAwait(false);
        foreach (var line in QueryPlans.Explain(settings.DatabasePath))
        {
            await output.WriteLineAsync("  plan: " + line).ConfigureAwait(false);
        }

        using var dataDirectory = new TempDirectory("vivido-bench-reads-");
        using var store = new SqliteStore(settings.DatabasePath);
        var server = await BenchServer.StartAsync(store, dataDirectory.Path, lifecycleFile: null).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            using var client = BenchHttp.CreateClient(server.BaseAddress, settings.Clients, BenchServer.AdminSecret);
            var random = new Random(settings.Seed);
            var requests = new RequestMix(plan, random);

            // Warm-up on Vivido also tells how large its answers are, which the ceiling then matches.
            var warmList = await LatencyProbe.RunAsync(client, server.BaseAddress, requests.Lists(settings.Warmup), settings.Clients).ConfigureAwait(false);
            var warmImage = await LatencyProbe.RunAsync(client, server.BaseAddress, requests.Images(settings.Warmup), settings.Clients).ConfigureAwait(false);
            var listBytes = MedianSize(warmList.BodyBytes);
            var imageBytes = MedianSize(warmImage.BodyBytes);

            var ceiling = await BareKestrelCeiling.StartAsync(listBytes, imageBytes).ConfigureAwait(false);
            await using (ceiling.ConfigureAwait(false))
            {
                await LatencyProbe.RunAsync(client, ceiling.BaseAddress, requests.Lists(settings.Warmup), settings.Clients).ConfigureAwait(false);
                await LatencyProbe.RunAsync(client, ceiling.BaseAddress, requests.Images(settings.Warmup), settings.Clients).ConfigureAwait(false);
                await output.WriteLineAsync(
                        $"warmed up with {settings.Warmup} requests per route and server; measuring {settings.Requests} per route and server " +
                        $"in interleaved blocks of {settings.Block}, {settings.Clients} caller(s)")
                    .ConfigureAwait(false);

                var results = await MeasureAsync(client, server.BaseAddress, ceiling.BaseAddress, requests, settings).ConfigureAwait(false);
                await output.WriteLineAsync().ConfigureAwait(false);
                await output.WriteLineAsync(Report(results, listBytes, imageBytes)).ConfigureAwait(false);
                await output.WriteLineAsync($"finished; {LoadAverage()}").ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static async Task<(LatencySummary Latency, double CpuMicroseconds)[]> MeasureAsync(
        HttpClient client, Uri vivido, Uri bare, RequestMix requests, ReadSettings settings)
    {
        // Order: Vivido list, bare list, Vivido image, bare image; both servers get the same paths.
        var latencies = Enumerable.Range(0, 4).Select(_ => new List<double>(settings.Requests)).ToArray();
        var cpu = new TimeSpan[4];
        for (var done = 0; done < settings.Requests; done += settings.Block)
        {
            var count = Math.Min(settings.Block, settings.Requests - done);
            var lists = requests.Lists(count);
            var images = requests.Images(count);
            (Uri Server, IReadOnlyList<string> Paths)[] series = [(vivido, lists), (bare, lists), (vivido, images), (bare, images)];
            for (var s = 0; s < series.Length; s++)
            {
                var run = await LatencyProbe.RunAsync(client, series[s].Server, series[s].Paths, settings.Clients).ConfigureAwait(false);
                latencies[s].AddRange(run.Milliseconds);
                cpu[s] += run.Cpu;
            }
        }

        return latencies.Select((l, s) => (LatencySummary.From(l), cpu[s].TotalMicroseconds / l.Count)).ToArray();
    }

    private static int MedianSize(int[] sizes) => sizes.Order().ElementAt(sizes.Length / 2);

    private static string Report((LatencySummary Latency, double CpuMicroseconds)[] s, int listBytes, int imageBytes)
    {
        string Row(string name, int measured, int ceiling, int bytes)
        {
            var (x, cpu) = s[measured];
            var c = s[ceiling].Latency;
            var verdict = measured == ceiling ? string.Empty : x.P99 < TargetP99Milliseconds ? "met" : "MISSED";
            return $"| {name} | {bytes} | {x.Count} | {F(x.P50, 2)} | {F(x.P95, 2)} | {F(x.P99, 2)} | {F(x.Max, 1)} | " +
                $"{F(x.P50 / c.P50, 1)}x / {F(x.P99 / c.P99, 1)}x | {F(cpu)} | {verdict} |";
        }

        return string.Join(
            Environment.NewLine,
            "| request | body bytes | requests | p50 ms | p95 ms | p99 ms | max ms | vs bare (p50 / p99) | CPU us per request | p99 < 10 ms |",
            "|---|---|---|---|---|---|---|---|---|---|",
            Row("Vivido `GET /api/v1/images?state=Active&repository=R`", 0, 1, listBytes),
            Row("bare Kestrel, same path, fixed JSON (ceiling)", 1, 1, listBytes),
            Row("Vivido `GET /api/v1/images/{digest}`", 2, 3, imageBytes),
            Row("bare Kestrel, same path, fixed JSON (ceiling)", 3, 3, imageBytes));
    }
}
