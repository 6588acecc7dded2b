using Microsoft.AspNetCore.Builder;
using Vivido.Benchmarks.Common;
using Vivido.Server;
using Vivido.Store.Postgres;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// A replica in this process: the real server (<see cref="VividoServer.CreateAsync"/>) on a free
/// loopback port over its own <see cref="PostgresStore"/>, i.e. its own connection pool, so to the
/// database it is a separate replica. It owns and disposes the store.
/// </summary>
internal sealed class PgReplica : IPgReplica
{
    private readonly PostgresStore _store;
    private readonly WebApplication _app;

    private PgReplica(PostgresStore store, WebApplication app)
    {
        _store = store;
        _app = app;
    }

    public Uri BaseAddress => new(_app.Urls.First());

    public int? ProcessId => null;

    public static async Task<IPgReplica> StartAsync(string connectionString, string dataDirectory, string lifecycleFile, string replicaId)
    {
        var store = new PostgresStore(connectionString);
        try
        {
            var options = new VividoServerOptions
            {
                DataDirectory = dataDirectory,
                Urls = ["http://127.0.0.1:0"],
                LifecycleFile = lifecycleFile,
                BootstrapToken = BenchServer.AdminSecret,
                ConsoleLogging = false,
                ReplicaId = replicaId,
            };
            var app = await VividoServer.CreateAsync(options, store).ConfigureAwait(false);
            await app.StartAsync().ConfigureAwait(false);
            return new PgReplica(store, app);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
    }
}
