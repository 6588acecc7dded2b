using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vivido.Store.Postgres;

namespace Vivido.Server.Tests.Support;

/// <summary>
/// One Vivido server replica on a free loopback port over a PostgreSQL database (several may share one),
/// on the system clock, jobs off, with its log lines captured.
/// </summary>
internal sealed class PostgresReplica : IAsyncDisposable
{
    public const string AdminSecret = "postgres-replica-admin-secret";

    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly string _directory;

    private PostgresReplica(WebApplication app, PostgresStore store, CapturedLogs logs, string directory)
    {
        _app = app;
        Store = store;
        Logs = logs;
        _directory = directory;
        BaseAddress = new Uri(app.Urls.First());
        _http = new HttpClient { BaseAddress = BaseAddress };
        Admin = new ApiClient(_http, AdminSecret);
        Anonymous = new ApiClient(_http, null);
    }

    public PostgresStore Store { get; }

    public CapturedLogs Logs { get; }

    public Uri BaseAddress { get; }

    public ApiClient Admin { get; }

    public ApiClient Anonymous { get; }

    public static async Task<PostgresReplica> StartAsync(string connectionString, string replicaId = "replica-1")
    {
        var directory = Directory.CreateTempSubdirectory("vivido-pg-replica-").FullName;
        var store = new PostgresStore(connectionString);
        var options = new VividoServerOptions
        {
            DataDirectory = directory,
            Urls = ["http://127.0.0.1:0"],
            BootstrapToken = AdminSecret,
            ConsoleLogging = false,
            RunJobs = false,
            ReplicaId = replicaId,
        };
        var app = await VividoServer.CreateAsync(options, store);
        var logs = new CapturedLogs();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await app.StartAsync();
        return new PostgresReplica(app, store, logs, directory);
    }

    /// <summary>Registers a fresh digest and returns it.</summary>
    public async Task<string> RegisterAsync(string repository)
    {
        var digest = TestDigests.New();
        await Admin.PostJsonAsync("/api/v1/images", new { repository, digest }, 201);
        return digest;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
