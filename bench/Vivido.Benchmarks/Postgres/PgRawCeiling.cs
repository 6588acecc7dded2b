using Npgsql;
using Vivido.Benchmarks.Transitions;
using Vivido.Store.Postgres;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// <c>pg-raw</c>, the ceiling: the schema migrated by <see cref="PostgresStore"/>, then one
/// <see cref="PgRawWriter"/> per client, each on its own connection flipping its own images. The
/// writers queue on the chain-head row lock in PostgreSQL, as the store's transactions do.
/// </summary>
internal static class PgRawCeiling
{
    public static async Task<PgMeasurement> MeasureAsync(TransitionSettings settings, PgSegment segment)
    {
        var store = new PostgresStore(segment.Database.ConnectionString);
        await using (store.ConfigureAwait(false))
        {
            await store.MigrateAsync().ConfigureAwait(false);
            var digests = await PgImages.RegisterAsync(store, settings, "bench-pg-raw-").ConfigureAwait(false);
            var connection = new NpgsqlConnectionStringBuilder(segment.Database.ConnectionString) { MaxPoolSize = Math.Max(100, settings.Clients) };
            var source = NpgsqlDataSource.Create(connection);
            await using (source.ConfigureAwait(false))
            {
                return await PgClientLoops.MeasureAsync(store, settings, segment, digests, (owned, window) => FlipAsync(source, owned, window)).ConfigureAwait(false);
            }
        }
    }

    private static async Task FlipAsync(NpgsqlDataSource source, IReadOnlyList<string> digests, LoadWindow window)
    {
        try
        {
            var writer = await PgRawWriter.OpenAsync(source, CancellationToken.None).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                for (long op = 0; op < LoadWindow.MaxOperationsPerWorker && !window.Stopping.IsCancellationRequested; op++)
                {
                    // Not cancelled by the window: a transaction in flight commits, so every completion counted is in history.
                    await writer.FlipAsync(digests[(int)(op % digests.Count)], TimeProvider.System.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                    window.Complete();
                }
            }
        }
        catch
        {
            window.Abort();
            throw;
        }
    }
}
