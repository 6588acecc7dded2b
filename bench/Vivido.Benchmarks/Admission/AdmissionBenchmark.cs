using Vivido.Benchmarks.Common;
using Vivido.Core.Admitting;
using Vivido.Core.Lifecycles;
using Vivido.Store.Sqlite;
using static Vivido.Benchmarks.Common.Machine;

namespace Vivido.Benchmarks.Admission;

/// <summary>
/// <c>admission</c>: <c>POST /admission/validate</c> of a 3-container Pod review on the real server (in this
/// process, SQLite in a temp folder, caches warm) against a bare Kestrel endpoint answering the same bytes,
/// measured in the same run: closed-loop reviews/s and latency (rounds rotate the targets), then an
/// open-loop run at a fixed rate for the latency an API server would see. A dry-run review (decided, not
/// recorded) is a third, diagnostic target: it separates deciding from recording where the workload runs.
/// </summary>
internal static class AdmissionBenchmark
{
    private const double RatioTarget = 0.3;
    private const double P99TargetMilliseconds = 5;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = AdmissionSettings.From(BenchArguments.Parse(args, AdmissionSettings.Options));
        var output = Console.Out;

        // Clients and servers share this process's thread pool; without enough ready threads the open
        // loop's sends wait for thread injection and that wait shows up as tail latency of every target.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * settings.Clients), io);
        await output.WriteLineAsync($"admission: {Describe(TimeProvider.System)}").ConfigureAwait(false);

        using var directory = new TempDirectory("vivido-bench-admission-");
        using var store = new SqliteStore(directory.File("vivido.db"));
        await using var vivido = await BenchServer.StartAsync(store, directory.Path, lifecycleFile: null).ConfigureAwait(false);
        var pod = await AdmissionSeed.SeedAsync(vivido.BaseAddress).ConfigureAwait(false);
        var review = pod.ToJson(dryRun: false);
        var dryRun = pod.ToJson(dryRun: true);
        byte[] answer;
        using (var probe = BenchHttp.CreateClient(vivido.BaseAddress, 1, BenchServer.AdminSecret))
        {
            answer = await ReviewPost.FirstAnswerAsync(probe, review).ConfigureAwait(false);
            await ReviewPost.FirstAnswerAsync(probe, dryRun).ConfigureAwait(false);
        }

        await using var bare = await BareAdmissionEndpoint.StartAsync(answer).ConfigureAwait(false);
        var service = new AdmissionService(store, LifecycleLoader.LoadDefault(), TimeProvider.System);
        var targets = new[]
        {
            AdmissionTarget.Http("Vivido POST /admission/validate", vivido.BaseAddress, review, settings.Clients),
            AdmissionTarget.Http("bare Kestrel, fixed answer (ceiling)", bare.BaseAddress, review, settings.Clients),
            AdmissionTarget.Http("diagnostic: Vivido, dryRun review (decides, records nothing)", vivido.BaseAddress, dryRun, settings.Clients),
            AdmissionTarget.InProcess("diagnostic: AdmissionService in process (no HTTP, no token check)", service, review),
            AdmissionTarget.InProcess("diagnostic: AdmissionService in process, dryRun review", service, dryRun),
        };
        await output.WriteLineAsync(
                $"review: Pod in {PodReview.Namespace}, {review.Length} bytes, containers {pod.PinnedImage} | {pod.TaggedImage} | {pod.TagAndDigestImage}; " +
                $"Vivido's answer (also the bare endpoint's): {answer.Length} bytes")
            .ConfigureAwait(false);
        await output.WriteLineAsync(
                $"closed loop: {settings.Clients} clients, an unmeasured {settings.JitWarmupSeconds} s pass per target, then {settings.Rounds} rounds x {targets.Length} targets, " +
                $"{settings.WarmupSeconds} s warm-up + {settings.Seconds} s measured; open loop: {settings.Rate} reviews/s, {settings.WarmupSeconds} s warm-up + {settings.Seconds} s measured")
            .ConfigureAwait(false);

        try
        {
            await MeasureAsync(targets, settings, output).ConfigureAwait(false);
        }
        finally
        {
            foreach (var target in targets)
            {
                target.Dispose();
            }
        }

        await output.WriteLineAsync($"finished; {LoadAverage()}").ConfigureAwait(false);
        return 0;
    }

    private static async Task MeasureAsync(AdmissionTarget[] targets, AdmissionSettings settings, TextWriter output)
    {
        foreach (var target in targets.Where(_ => settings.JitWarmupSeconds > 0))
        {
            var pass = await ClosedLoopLoad.MeasureAsync(target.Send, target.Name, settings.Clients, TimeSpan.Zero, TimeSpan.FromSeconds(settings.JitWarmupSeconds)).ConfigureAwait(false);
            await output.WriteLineAsync($"  warm-up pass (not counted): {target.Name}: {F(pass.PerSecond)} reviews/s").ConfigureAwait(false);
        }

        var closed = targets.Select(_ => new List<ClosedLoopResult>()).ToArray();
        for (var round = 0; round < settings.Rounds; round++)
        {
            for (var step = 0; step < targets.Length; step++)
            {
                var target = (round + step) % targets.Length;
                var result = await ClosedLoopLoad.MeasureAsync(targets[target].Send, targets[target].Name, settings.Clients, settings.Warmup, settings.Window).ConfigureAwait(false);
                closed[target].Add(result);
                var latency = LatencySummary.From([.. result.Milliseconds]);
                await output.WriteLineAsync($"  round {round + 1}: {targets[target].Name}: {F(result.PerSecond)} reviews/s, p50 {F(latency.P50, 2)} ms, p99 {F(latency.P99, 2)} ms")
                    .ConfigureAwait(false);
            }
        }

        var open = new List<OpenLoopResult>();
        foreach (var target in targets.Where(t => t.Address is not null))
        {
            var result = await OpenLoopLoad.MeasureAsync(target.Address!, target.Review, settings.Rate, settings.Warmup, settings.Window).ConfigureAwait(false);
            open.Add(result);
            await output.WriteLineAsync($"  open loop: {target.Name}: p50 {F(result.Latency.P50, 2)} ms, p99 {F(result.Latency.P99, 2)} ms").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(AdmissionReport.Write(targets.Select(t => t.Name).ToList(), closed, open, settings, RatioTarget, P99TargetMilliseconds)).ConfigureAwait(false);
    }
}
