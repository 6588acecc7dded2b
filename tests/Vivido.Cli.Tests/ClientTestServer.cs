using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Vivido.Server;
using Vivido.Store.Sqlite;

namespace Vivido.Cli.Tests;

/// <summary>A real Vivido server on a free loopback port for the client verbs to talk to, and a way to run the CLI against it.</summary>
public sealed class ClientTestServer : IAsyncLifetime
{
    public const string AdminSecret = "cli-test-admin-secret-0123";

    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-cli-client-").FullName;
    private SqliteStore? _store;
    private WebApplication? _app;

    public string Url { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _store = new SqliteStore(Path.Combine(_directory, "vivido.db"));
        _app = await VividoServer.CreateAsync(
            new VividoServerOptions { DataDirectory = _directory, Urls = ["http://127.0.0.1:0"], BootstrapToken = AdminSecret, ConsoleLogging = false },
            _store);
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _store?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Runs <c>vivido ARGS --server URL --token ADMIN</c> in-process.</summary>
    public Task<ClientRun> AdminAsync(params string[] args) => AsAsync(AdminSecret, args);

    /// <summary>Runs a client verb with the given token.</summary>
    public Task<ClientRun> AsAsync(string token, params string[] args) => ClientRun.RunAsync([.. args, "--server", Url, "--token", token]);

    /// <summary>Registers a fresh digest in <paramref name="repository"/> and returns it.</summary>
    public async Task<string> RegisterAsync(string repository = "team-a/api")
    {
        var digest = NewDigest();
        var run = await AdminAsync("register", $"{repository}@{digest}");
        run.ExitCode.ShouldBe(0, run.Error);
        return digest;
    }

    /// <summary>The raw body of a GET, for comparing with <c>-o json</c> output.</summary>
    public async Task<string> GetRawAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminSecret);
        return await http.GetStringAsync(path);
    }

    public static string NewDigest() =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()));
}

/// <summary>One in-process CLI run with captured output.</summary>
public sealed record ClientRun(int ExitCode, string Output, string Error)
{
    public static async Task<ClientRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return new ClientRun(exit, output.ToString(), error.ToString());
    }

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }
}
