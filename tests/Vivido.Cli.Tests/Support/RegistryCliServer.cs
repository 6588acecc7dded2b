using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Vivido.Registry;
using Vivido.Server;
using Vivido.Store.Sqlite;
using Vivido.Testing;

namespace Vivido.Cli.Tests.Support;

/// <summary>
/// A live registry and a real Vivido server that reaches it, with the signing key <c>release</c> and a
/// lifecycle whose images can be retired without guards (one rollback candidate kept), for the
/// <c>sign</c> and <c>cleanup</c> verbs.
/// </summary>
public sealed class RegistryCliServer : IAsyncLifetime
{
    public const string AdminSecret = "cli-registry-admin-secret-0123";

    private const string Lifecycle = TestLifecycleFiles.Retiring;

    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-cli-registry-").FullName;
    private SqliteStore? _store;
    private WebApplication? _app;
    private RegistryServer? _registry;

    public string Url { get; private set; } = string.Empty;

    public RegistryServer Registry => _registry ?? throw new InvalidOperationException("not started");

    /// <summary>The private half of the key the server knows as <c>release</c>.</summary>
    public ECDsa Release { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public async Task InitializeAsync()
    {
        _registry = await RegistryServer.StartAsync();
        var key = Path.Combine(_directory, "release.pub");
        await File.WriteAllTextAsync(key, Release.ExportSubjectPublicKeyInfoPem());
        var lifecycle = Path.Combine(_directory, "lifecycle.yaml");
        await File.WriteAllTextAsync(lifecycle, Lifecycle);
        _store = new SqliteStore(Path.Combine(_directory, "vivido.db"));
        _app = await VividoServer.CreateAsync(
            new VividoServerOptions
            {
                DataDirectory = _directory,
                Urls = ["http://127.0.0.1:0"],
                BootstrapToken = AdminSecret,
                ConsoleLogging = false,
                RunJobs = false,
                LifecycleFile = lifecycle,
                SigningKeys = new Dictionary<string, string> { ["release"] = key },
                Registries = new RegistrySettings([new RegistryHostSettings(_registry.Host, Insecure: true)]),
            },
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
        Release.Dispose();
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Runs <c>vivido ARGS --server URL --token ADMIN</c> in-process.</summary>
    public Task<ClientRun> AdminAsync(params string[] args) => ClientRun.RunAsync([.. args, "--server", Url, "--token", AdminSecret]);

    /// <summary>Pushes a fresh image to <paramref name="path"/>, registers it and returns (repository, digest).</summary>
    public async Task<(string Repository, string Digest)> PushAsync(string path, string tag)
    {
        var digest = await TestImages.PushAsync(Registry, path, tag);
        var repository = $"{Registry.Host}/{path}";
        var run = await AdminAsync("register", $"{repository}@{digest}");
        run.ExitCode.ShouldBe(0, run.Error);
        return (repository, digest);
    }

    /// <summary>Pushes and registers an image, then retires it.</summary>
    public async Task<string> PushRetiredAsync(string path, string tag)
    {
        var (_, digest) = await PushAsync(path, tag);
        foreach (var name in new[] { "deprecate", "retire" })
        {
            var run = await AdminAsync("event", digest, name);
            run.ExitCode.ShouldBe(0, run.Error);
        }

        return digest;
    }
}
