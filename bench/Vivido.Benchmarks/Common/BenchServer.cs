using Microsoft.AspNetCore.Builder;
using Vivido.Server;
using Vivido.Store.Sqlite;

namespace Vivido.Benchmarks.Common;

/// <summary>
/// The real Vivido server, in this process, on a free loopback port over the given store. The admin
/// token is the fixed bootstrap secret, so a reused database keeps working.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string AdminSecret = "vivido-bench-admin-secret-0123456789";

    private readonly WebApplication _app;

    private BenchServer(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    /// <param name="store">The store to serve; the caller owns and disposes it.</param>
    /// <param name="dataDirectory">Where the server writes admin.token.</param>
    /// <param name="lifecycleFile">A lifecycle YAML file, or null for the embedded default.</param>
    public static async Task<BenchServer> StartAsync(SqliteStore store, string dataDirectory, string? lifecycleFile)
    {
        var options = new VividoServerOptions
        {
            DataDirectory = dataDirectory,
            Urls = ["http://127.0.0.1:0"],
            LifecycleFile = lifecycleFile,
            BootstrapToken = AdminSecret,
            ConsoleLogging = false,
        };
        var app = await VividoServer.CreateAsync(options, store).ConfigureAwait(false);
        await app.StartAsync().ConfigureAwait(false);
        return new BenchServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
