using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Store.Sqlite;

namespace Vivido.Server.Tests.Support;

/// <summary>
/// The real server on a free loopback port, over a SQLite file in a temp folder, with a clock the
/// test controls. Admin requests use <see cref="AdminSecret"/> (the bootstrap token).
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public const string AdminSecret = "test-admin-secret-0123456789";

    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private ServerHarness(WebApplication app, SqliteStore store, ManualTimeProvider time, string directory)
    {
        _app = app;
        Store = store;
        Time = time;
        DataDirectory = directory;
        BaseAddress = new Uri(app.Urls.First());
        _http = new HttpClient { BaseAddress = BaseAddress };
        Admin = new ApiClient(_http, AdminSecret);
        Anonymous = new ApiClient(_http, null);
    }

    public SqliteStore Store { get; }

    public ManualTimeProvider Time { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public ApiClient Admin { get; }

    public ApiClient Anonymous { get; }

    /// <summary>Starts a server; <paramref name="lifecycleYaml"/> replaces the embedded default lifecycle; <paramref name="configure"/> adjusts the options.</summary>
    public static async Task<ServerHarness> StartAsync(
        string? lifecycleYaml = null, long maxBodyBytes = VividoServerOptions.DefaultMaxRequestBodyBytes, Func<VividoServerOptions, VividoServerOptions>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("vivido-server-").FullName;
        string? lifecycleFile = null;
        if (lifecycleYaml is not null)
        {
            lifecycleFile = Path.Combine(directory, "lifecycle.yaml");
            await File.WriteAllTextAsync(lifecycleFile, lifecycleYaml);
        }

        var time = new ManualTimeProvider();
        var store = new SqliteStore(Path.Combine(directory, "vivido.db"));
        var options = new VividoServerOptions
        {
            DataDirectory = directory,
            Urls = ["http://127.0.0.1:0"],
            LifecycleFile = lifecycleFile,
            BootstrapToken = AdminSecret,
            MaxRequestBodyBytes = maxBodyBytes,
            Time = time,
            ConsoleLogging = false,
            // Tests move this clock by days; timers firing in the background would race their assertions (JobsTests run them).
            RunJobs = false,
        };
        var app = await VividoServer.CreateAsync(configure?.Invoke(options) ?? options, store);
        await app.StartAsync();
        return new ServerHarness(app, store, time, directory);
    }

    public ApiClient As(string secret) => new(_http, secret);

    /// <summary>Creates a token through the API and returns a client using it.</summary>
    public async Task<ApiClient> TokenAsync(string name, string[] roles, string[]? repositories = null)
    {
        var created = await Admin.PostJsonAsync("/api/v1/tokens", new { name, roles, repositories }, 201);
        return As(created.GetProperty("secret").GetString()!);
    }

    /// <summary>Registers a fresh digest (or the given one) and returns it.</summary>
    public async Task<string> RegisterAsync(string repository, string? digest = null)
    {
        digest ??= TestDigests.New();
        await Admin.PostJsonAsync("/api/v1/images", new { repository, digest }, 201);
        return digest;
    }

    /// <summary>Fires an event as admin and returns the response document (any status).</summary>
    public async Task<(int Status, JsonElement Body)> FireAsync(string digest, string eventName, object? parameters = null, ApiClient? client = null)
    {
        using var response = await (client ?? Admin).PostAsync($"/api/v1/images/{digest}/events", new { @event = eventName, @params = parameters });
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        return ((int)response.StatusCode, document.RootElement.Clone());
    }

    public Task AttachScanAsync(string digest, int critical = 0, double score = 9.5, DateTimeOffset? at = null) =>
        Store.AttachEvidenceAsync(new EvidenceAttachment(
            digest, new ScanFact("trivy", critical, 0, 0, 0, 0, score, critical > 0 ? ["CVE-2024-0001"] : [], at ?? Time.GetUtcNow()), null, null, "test", Time.GetUtcNow()));

    public Task AttachTestsAsync(string digest, bool passed = true) =>
        Store.AttachEvidenceAsync(new EvidenceAttachment(digest, new TestResultFact("staging-e2e", passed, Time.GetUtcNow()), null, null, "test", Time.GetUtcNow()));

    public Task DeployAsync(string digest, string environment = "staging", string status = "healthy") =>
        Store.RecordDeploymentAsync(new DeploymentReport(digest, environment, "c1", "ns", "deployment/app", Enum.Parse<DeploymentStatus>(status, ignoreCase: true), Time.GetUtcNow()));

    /// <summary>Drives a fresh digest of <paramref name="repository"/> to Active through the default lifecycle's real guards.</summary>
    public async Task<string> ActivateAsync(string repository)
    {
        var digest = await RegisterAsync(repository);
        await AttachScanAsync(digest);
        (await FireAsync(digest, "scan_passed")).Status.ShouldBe(200);
        await DeployAsync(digest);
        (await FireAsync(digest, "staged")).Status.ShouldBe(200);
        await AttachTestsAsync(digest);
        await Admin.PostJsonAsync($"/api/v1/images/{digest}/approvals", new { role = "release-manager" }, 201);
        (await FireAsync(digest, "promote")).Status.ShouldBe(200);
        return digest;
    }

    public Task<IReadOnlyDictionary<string, long>> CountsAsync() => Store.CountRowsAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Store.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A late SQLite handle; the temp folder is cleaned by the OS.
        }
    }
}
