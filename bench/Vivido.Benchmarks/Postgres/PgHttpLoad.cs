using Vivido.Benchmarks.Common;
using Vivido.Benchmarks.Transitions;
using Vivido.Store.Postgres;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// <c>pg-http-N</c> and <c>pg-proc-N</c>: N Vivido replicas over one database, each with its own
/// store, and the clients spread over them round-robin (client c talks to replica c mod N), each
/// POSTing the events that flip its own images, exactly as in the SQLite benchmark.
/// </summary>
internal static class PgHttpLoad
{
    /// <summary>Starts one replica: connection string, data folder, lifecycle file, replica id.</summary>
    public delegate Task<IPgReplica> ReplicaStarter(string connectionString, string dataDirectory, string lifecycleFile, string replicaId);

    public static async Task<PgMeasurement> MeasureAsync(TransitionSettings settings, PgSegment segment, int replicaCount, ReplicaStarter start)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var lifecycle = PingPongLifecycle.WriteFile(segment.Directory.File("lifecycle.yaml"));
        var store = new PostgresStore(segment.Database.ConnectionString);
        await using (store.ConfigureAwait(false))
        {
            await store.MigrateAsync().ConfigureAwait(false);
            var digests = await PgImages.RegisterAsync(store, settings, "bench-pg-http-").ConfigureAwait(false);
            var replicas = new List<IPgReplica>();
            var clients = new List<HttpClient>();
            PgMeasurement measurement;
            long completed;
            try
            {
                for (var r = 0; r < replicaCount; r++)
                {
                    var id = $"bench-replica-{r + 1}";
                    var data = Directory.CreateDirectory(segment.Directory.File(id)).FullName;
                    replicas.Add(await start(segment.Database.ConnectionString, data, lifecycle, id).ConfigureAwait(false));
                    var connections = Enumerable.Range(0, settings.Clients).Count(c => c % replicaCount == r);
                    clients.Add(BenchHttp.CreateClient(replicas[r].BaseAddress, Math.Max(1, connections), BenchServer.AdminSecret));
                }

                using var window = new LoadWindow();
                var loops = Enumerable.Range(0, settings.Clients)
                    .Select(c => Task.Run(() => HttpTransitionLoad.FlipAsync(clients[c % replicaCount], settings.Owned(digests, c), window)))
                    .ToList();
                try
                {
                    var processes = replicas.Select(r => r.ProcessId).OfType<int>().ToList();
                    measurement = await PgProbe.MeasureAsync(window, settings, segment, processes).ConfigureAwait(false);
                }
                finally
                {
                    // A failed loop aborts the window; its exception surfaces here rather than a cancellation.
                    await Task.WhenAll(loops).ConfigureAwait(false);
                }

                completed = window.Completed;
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
                foreach (var replica in replicas)
                {
                    await replica.DisposeAsync().ConfigureAwait(false);
                }
            }

            await TransitionCheck.VerifyAsync(store, digests.Count + completed).ConfigureAwait(false);
            return measurement;
        }
    }
}
