using Vivido.Benchmarks.Transitions;
using Vivido.Core.Storage;
using Vivido.Store.Postgres;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// <c>pg-store</c>, a diagnostic between the ceiling and the figures: the same clients call
/// <see cref="PostgresStore.CommitTransitionAsync"/> directly (no HTTP, auth, reads or engine; each
/// client knows its images' versions), so the report separates the store's commit from the rest of a request.
/// </summary>
internal static class PgStoreLoad
{
    private static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();

    public static async Task<PgMeasurement> MeasureAsync(TransitionSettings settings, PgSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var store = new PostgresStore(segment.Database.ConnectionString);
        await using (store.ConfigureAwait(false))
        {
            await store.MigrateAsync().ConfigureAwait(false);
            var digests = await PgImages.RegisterAsync(store, settings, "bench-pg-store-").ConfigureAwait(false);
            return await PgClientLoops.MeasureAsync(store, settings, segment, digests, (owned, window) => CommitAsync(store, owned, window)).ConfigureAwait(false);
        }
    }

    private static async Task CommitAsync(PostgresStore store, IReadOnlyList<string> digests, LoadWindow window)
    {
        var states = digests.Select(_ => PingPongLifecycle.Initial).ToArray();
        var versions = digests.Select(_ => 1L).ToArray();
        try
        {
            for (long op = 0; op < LoadWindow.MaxOperationsPerWorker && !window.Stopping.IsCancellationRequested; op++)
            {
                var i = (int)(op % digests.Count);
                var to = PingPongLifecycle.Next(states[i]);
                var commit = new TransitionCommit(
                    digests[i], versions[i], states[i], to, PingPongLifecycle.EventFrom(states[i]), "bench", null, NoParams, TimeProvider.System.GetUtcNow());
                var result = await store.CommitTransitionAsync(commit).ConfigureAwait(false);
                if (result is not Committed)
                {
                    throw new InvalidOperationException($"{digests[i]}: {result.GetType().Name}; every client owns its images, so every commit must apply");
                }

                (states[i], versions[i]) = (to, versions[i] + 1);
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
