using Microsoft.AspNetCore.Builder;
using Vivido.Store.Sqlite;

namespace Vivido.Server.Tests.Support;

/// <summary>
/// A real server with the webhook receivers configured (Harbor secret, GitHub secret, optional Distribution
/// host), over SQLite in a temp folder; a <c>ci</c> token for the Distribution receiver.
/// </summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    public const string HarborSecret = "harbor-shared-secret-123";
    public const string GitHubSecret = "github-webhook-secret-456";

    private readonly WebApplication _app;
    private readonly string _directory;

    private WebhookServer(WebApplication app, SqliteStore store, string directory, HttpClient http)
    {
        _app = app;
        _directory = directory;
        Store = store;
        Http = http;
        Admin = new ApiClient(http, ServerHarness.AdminSecret);
        Anonymous = new ApiClient(http, null);
    }

    public SqliteStore Store { get; }

    /// <summary>For raw requests (custom headers, exact bytes).</summary>
    public HttpClient Http { get; }

    public ApiClient Admin { get; }

    public ApiClient Anonymous { get; }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:PORT</c>.</summary>
    public string Url => _app.Urls.First();

    public static async Task<WebhookServer> StartAsync(string? lifecycleYaml = null, string? distributionHost = null, bool secrets = true)
    {
        var directory = Directory.CreateTempSubdirectory("vivido-webhooks-").FullName;
        string? lifecycleFile = null;
        if (lifecycleYaml is not null)
        {
            lifecycleFile = Path.Combine(directory, "lifecycle.yaml");
            await File.WriteAllTextAsync(lifecycleFile, lifecycleYaml);
        }

        var store = new SqliteStore(Path.Combine(directory, "vivido.db"));
        var app = await VividoServer.CreateAsync(
            new VividoServerOptions
            {
                DataDirectory = directory,
                Urls = ["http://127.0.0.1:0"],
                LifecycleFile = lifecycleFile,
                BootstrapToken = ServerHarness.AdminSecret,
                ConsoleLogging = false,
                RunJobs = false,
                HarborSecret = secrets ? HarborSecret : null,
                GitHubSecret = secrets ? GitHubSecret : null,
                DistributionHost = distributionHost,
            },
            store);
        await app.StartAsync();
        return new WebhookServer(app, store, directory, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    /// <summary>Creates a token and returns its secret.</summary>
    public async Task<string> TokenAsync(string name, params string[] roles)
    {
        var created = await Admin.PostJsonAsync("/api/v1/tokens", new { name, roles }, 201);
        return created.Str("secret");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A late SQLite handle; the temp folder is cleaned by the OS.
        }
    }
}
