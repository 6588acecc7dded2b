using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vivido.Core.Storage;
using Vivido.Store.Sqlite;

namespace Vivido.Server.Tests.Support;

/// <summary>
/// A server that runs the background jobs: a short real interval between ticks, a test clock for what
/// the jobs see. Several replicas may share one data folder (one SQLite file), as replicas share a database.
/// </summary>
internal sealed class JobsServer : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private bool _stopped;

    private JobsServer(WebApplication app, IVividoStore store, SqliteStore sqlite, string replicaId, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        Store = store;
        Sqlite = sqlite;
        ReplicaId = replicaId;
        _http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Admin = new ApiClient(_http, ServerHarness.AdminSecret);
    }

    /// <summary>The store the server uses (possibly wrapped by the test).</summary>
    public IVividoStore Store { get; }

    public SqliteStore Sqlite { get; }

    public string ReplicaId { get; }

    /// <summary>Every line the server logged.</summary>
    public CapturedLogs Logs { get; }

    public ApiClient Admin { get; }

    public ApiClient As(string secret) => new(_http, secret);

    /// <summary>Starts a replica on <paramref name="directory"/>'s database with <paramref name="time"/>; <paramref name="wrap"/> may put a proxy around its store.</summary>
    public static async Task<JobsServer> StartAsync(
        string directory, ManualTimeProvider time, string replicaId, string? lifecycleYaml = null, Func<IVividoStore, IVividoStore>? wrap = null)
    {
        string? lifecycleFile = null;
        if (lifecycleYaml is not null)
        {
            lifecycleFile = Path.Combine(directory, "lifecycle.yaml");
            await File.WriteAllTextAsync(lifecycleFile, lifecycleYaml);
        }

        var sqlite = new SqliteStore(Path.Combine(directory, "vivido.db"));
        var store = wrap?.Invoke(sqlite) ?? sqlite;
        var app = await VividoServer.CreateAsync(
            new VividoServerOptions
            {
                DataDirectory = directory,
                Urls = ["http://127.0.0.1:0"],
                LifecycleFile = lifecycleFile,
                BootstrapToken = ServerHarness.AdminSecret,
                Time = time,
                ConsoleLogging = false,
                ReplicaId = replicaId,
                RunJobs = true,
                JobInterval = Interval,
                LeaseTtl = TimeSpan.FromSeconds(30),
            },
            store);
        var logs = new CapturedLogs();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await app.StartAsync();
        return new JobsServer(app, store, sqlite, replicaId, logs);
    }

    /// <summary>Stops the server (its jobs give their leases up); idempotent.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
        Sqlite.Dispose();
    }
}
