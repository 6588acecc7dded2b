using Vivido.Server.Tests.Support;
using Vivido.Store.Sqlite;

namespace Vivido.Server.Tests;

public sealed class StartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-startup-").FullName;

    [Fact]
    public async Task Create_FirstStartWithoutBootstrapToken_GeneratesPrintsAndSavesIt0600()
    {
        var output = new StringWriter();
        var secret = await StartOnceAsync(output, bootstrap: null);

        secret.ShouldStartWith("vvd_");
        output.ToString().ShouldContain(secret);
        var file = Path.Combine(_directory, "admin.token");
        (await File.ReadAllTextAsync(file)).Trim().ShouldBe(secret);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var second = new StringWriter();
        (await StartOnceAsync(second, bootstrap: null)).ShouldBe(string.Empty);
        second.ToString().ShouldNotContain("admin token");
    }

    [Fact]
    public async Task Create_WithBootstrapToken_UsesItAndDoesNotPrintIt()
    {
        var output = new StringWriter();
        await StartOnceAsync(output, bootstrap: "my-own-bootstrap-secret");
        output.ToString().ShouldNotContain("my-own-bootstrap-secret");
        output.ToString().ShouldContain("listening on http://127.0.0.1:");
        output.ToString().ShouldContain("lifecycle default");
        output.ToString().ShouldContain("store sqlite " + _directory);
    }

    [Fact]
    public async Task Create_ShortBootstrapToken_FailsToStart()
    {
        using var store = new SqliteStore(Path.Combine(_directory, "vivido.db"));
        var options = Options(new StringWriter(), "short", null);
        (await Should.ThrowAsync<ServerStartupException>(() => VividoServer.CreateAsync(options, store))).Message.ShouldContain("VIVIDO_BOOTSTRAP_TOKEN");
    }

    [Fact]
    public async Task Create_InvalidLifecycleFile_FailsWithEveryProblem()
    {
        var path = Path.Combine(_directory, "broken.yaml");
        await File.WriteAllTextAsync(path, "apiVersion: vivido.dev/v1\nkind: Lifecycle\nmetadata: { name: broken }\nstates: []\ntransitions: []\n");
        using var store = new SqliteStore(Path.Combine(_directory, "vivido.db"));
        var options = Options(new StringWriter(), "bootstrap-secret-123456", path);
        (await Should.ThrowAsync<ServerStartupException>(() => VividoServer.CreateAsync(options, store))).Message.ShouldContain("broken.yaml");
    }

    [Fact]
    public async Task Create_MissingLifecycleFile_Fails()
    {
        using var store = new SqliteStore(Path.Combine(_directory, "vivido.db"));
        var options = Options(new StringWriter(), "bootstrap-secret-123456", Path.Combine(_directory, "absent.yaml"));
        (await Should.ThrowAsync<ServerStartupException>(() => VividoServer.CreateAsync(options, store))).Message.ShouldContain("not found");
    }

    [Fact]
    public void Options_Default_BindsToLoopbackOnlyWithA1MiBBodyCap()
    {
        var options = new VividoServerOptions { DataDirectory = _directory };
        options.Urls.ShouldBe(["http://127.0.0.1:8080"]);
        options.MaxRequestBodyBytes.ShouldBe(1024 * 1024);
        options.Time.ShouldBeSameAs(TimeProvider.System);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Starts and stops a server on the folder; returns the generated secret it printed, or empty.</summary>
    private async Task<string> StartOnceAsync(StringWriter output, string? bootstrap)
    {
        using var store = new SqliteStore(Path.Combine(_directory, "vivido.db"));
        await using var app = await VividoServer.CreateAsync(Options(output, bootstrap, null), store);
        await app.StartAsync();
        await app.StopAsync();
        var line = output.ToString().Split('\n').FirstOrDefault(l => l.Contains("created the admin token (shown once", StringComparison.Ordinal));
        return line is null ? string.Empty : line[(line.LastIndexOf(' ') + 1)..].Trim();
    }

    private VividoServerOptions Options(TextWriter output, string? bootstrap, string? lifecycle) => new()
    {
        DataDirectory = _directory,
        Urls = ["http://127.0.0.1:0"],
        BootstrapToken = bootstrap,
        LifecycleFile = lifecycle,
        Output = output,
        ConsoleLogging = false,
        Time = new ManualTimeProvider(),
    };
}
