using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Vivido.Core.Images;
using Vivido.Core.Storage;
using Vivido.Registry;
using Vivido.Store.Sqlite;
using Vivido.Testing;

namespace Vivido.Server.Tests.Support;

/// <summary>
/// A live CNCF Distribution registry and the real Vivido server configured to reach it (plain http),
/// with signing keys <c>release</c> and <c>dev</c> generated for the test, over SQLite in a temp folder.
/// </summary>
internal sealed class RegistryHarness : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private RegistryHarness(RegistryServer registry, WebApplication app, SqliteStore store, string directory, ECDsa release, ECDsa dev)
    {
        Registry = registry;
        _app = app;
        Store = store;
        DataDirectory = directory;
        Release = release;
        Dev = dev;
        _http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Admin = new ApiClient(_http, ServerHarness.AdminSecret);
    }

    public RegistryServer Registry { get; }

    public SqliteStore Store { get; }

    public string DataDirectory { get; }

    /// <summary>The key configured as <c>release</c>.</summary>
    public ECDsa Release { get; }

    /// <summary>The key configured as <c>dev</c>.</summary>
    public ECDsa Dev { get; }

    public ApiClient Admin { get; }

    public static async Task<RegistryHarness> StartAsync(string? lifecycleYaml = null, Func<VividoServerOptions, VividoServerOptions>? configure = null)
    {
        var registry = await RegistryServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("vivido-registry-server-").FullName;
        var release = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var dev = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keys = new Dictionary<string, string>
        {
            ["release"] = await WriteAsync(directory, "release.pub", release.ExportSubjectPublicKeyInfoPem()),
            ["dev"] = await WriteAsync(directory, "dev.pub", dev.ExportSubjectPublicKeyInfoPem()),
        };
        var store = new SqliteStore(Path.Combine(directory, "vivido.db"));
        var options = new VividoServerOptions
        {
            DataDirectory = directory,
            Urls = ["http://127.0.0.1:0"],
            LifecycleFile = lifecycleYaml is null ? null : await WriteAsync(directory, "lifecycle.yaml", lifecycleYaml),
            BootstrapToken = ServerHarness.AdminSecret,
            Time = new ManualTimeProvider(),
            ConsoleLogging = false,
            RunJobs = false,
            SigningKeys = keys,
            Registries = new RegistrySettings([new RegistryHostSettings(registry.Host, Insecure: true)]),
        };
        var app = await VividoServer.CreateAsync(configure?.Invoke(options) ?? options, store);
        await app.StartAsync();
        return new RegistryHarness(registry, app, store, directory, release, dev);
    }

    public ApiClient As(string secret) => new(_http, secret);

    /// <summary>Pushes a fresh image to <paramref name="path"/> in the registry, registers it in Vivido and returns (repository, digest).</summary>
    public async Task<(string Repository, string Digest)> PushAndRegisterAsync(string path, string tag)
    {
        var digest = await TestImages.PushAsync(Registry, path, tag);
        var repository = $"{Registry.Host}/{path}";
        await Admin.PostJsonAsync("/api/v1/images", new { repository, digest }, 201);
        return (repository, digest);
    }

    public Task DeployAsync(string digest, string status = "healthy") =>
        Store.RecordDeploymentAsync(new DeploymentReport(
            digest, "production", "eu-1", "prod", "deployment/web", Enum.Parse<DeploymentStatus>(status, ignoreCase: true), DateTimeOffset.UnixEpoch.AddYears(56)));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Store.Dispose();
        Release.Dispose();
        Dev.Dispose();
        await Registry.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A late SQLite handle; the temp folder is cleaned by the OS.
        }
    }

    private static async Task<string> WriteAsync(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
