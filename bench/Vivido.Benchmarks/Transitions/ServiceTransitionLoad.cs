using Vivido.Benchmarks.Common;
using Vivido.Core.Lifecycles;
using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Store.Sqlite;

namespace Vivido.Benchmarks.Transitions;

/// <summary>
/// A diagnostic between the ceiling and the figure: the same clients call <see cref="TransitionService"/>
/// in process (engine + store, no HTTP, no auth), so the report shows where the time goes.
/// </summary>
internal static class ServiceTransitionLoad
{
    private static readonly Caller Bench = new("bench", [Roles.Admin], []);

    public static async Task<LoadRate> MeasureAsync(TransitionSettings settings, bool groupCommit, TempDirectory directory)
    {
        var lifecycle = LifecycleLoader.Load(PingPongLifecycle.Yaml, "bench-ping-pong.yaml").Lifecycle
            ?? throw new InvalidOperationException("the benchmark lifecycle is invalid");
        using var store = new SqliteStore(directory.File("vivido.db"), groupCommit: groupCommit);
        await store.MigrateAsync().ConfigureAwait(false);
        var service = new TransitionService(store, lifecycle, TimeProvider.System);
        var digests = new List<string>(settings.Images);
        for (var i = 0; i < settings.Images; i++)
        {
            var digest = BenchDigests.ForIndex("bench-service-", i);
            await store.RegisterImageAsync(new ImageRegistration(
                    digest, TransitionSettings.Repository(i % settings.Clients), lifecycle.InitialState, [], new Dictionary<string, string>(), Bench.Name, TimeProvider.System.GetUtcNow()))
                .ConfigureAwait(false);
            digests.Add(digest);
        }

        using var window = new LoadWindow();
        var loops = Enumerable.Range(0, settings.Clients).Select(c => Task.Run(() => FireAsync(service, settings.Owned(digests, c), window))).ToList();
        LoadRate rate;
        try
        {
            rate = await window.MeasureAsync(settings.Warmup, settings.Window).ConfigureAwait(false);
        }
        finally
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }

        await TransitionCheck.VerifyAsync(store, digests.Count + window.Completed).ConfigureAwait(false);
        return rate;
    }

    private static async Task FireAsync(TransitionService service, IReadOnlyList<string> digests, LoadWindow window)
    {
        var states = digests.Select(_ => PingPongLifecycle.Initial).ToArray();
        try
        {
            for (long op = 0; op < LoadWindow.MaxOperationsPerWorker && !window.Stopping.IsCancellationRequested; op++)
            {
                var i = (int)(op % digests.Count);
                var result = await service.FireEventAsync(Bench, digests[i], PingPongLifecycle.EventFrom(states[i]), null, null).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"{digests[i]}: {result.Failure.GetType().Name}; every event of the benchmark lifecycle must be accepted");
                }

                states[i] = PingPongLifecycle.Next(states[i]);
                window.Complete();
            }
        }
        catch
        {
            window.Abort();
            throw;
        }
    }
}
