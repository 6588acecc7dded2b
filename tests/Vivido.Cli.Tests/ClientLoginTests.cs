namespace Vivido.Cli.Tests;

/// <summary>These tests set process environment variables, so they run alone.</summary>
[CollectionDefinition(nameof(ClientEnvironmentCollection), DisableParallelization = true)]
public sealed class ClientEnvironmentCollection;

[Collection(nameof(ClientEnvironmentCollection))]
public sealed class ClientLoginTests(ClientTestServer server) : IClassFixture<ClientTestServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-login-").FullName;

    [Fact]
    public async Task Login_SavesConfig0600_AndLaterVerbsUseIt()
    {
        var config = Path.Combine(_directory, "sub", "config.json");
        Environment.SetEnvironmentVariable("VIVIDO_CONFIG", config);

        var login = await ClientRun.RunAsync("login", "--server", server.Url, "--token", ClientTestServer.AdminSecret);
        var list = await ClientRun.RunAsync("images", "ls");

        login.ExitCode.ShouldBe(0, login.Error);
        login.Output.ShouldContain(config);
        (await File.ReadAllTextAsync(config)).ShouldContain(ClientTestServer.AdminSecret);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(config).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        list.ExitCode.ShouldBe(0, list.Error);
        list.Output.ShouldStartWith("DIGEST");
    }

    [Fact]
    public async Task Login_BadToken_Exits1AndSavesNothing()
    {
        var config = Path.Combine(_directory, "config.json");
        Environment.SetEnvironmentVariable("VIVIDO_CONFIG", config);

        var login = await ClientRun.RunAsync("login", "--server", server.Url, "--token", "vvd_nope");

        login.ExitCode.ShouldBe(1);
        File.Exists(config).ShouldBeFalse();
    }

    [Fact]
    public async Task Verbs_UseEnvironmentWhenNoFlags()
    {
        Environment.SetEnvironmentVariable("VIVIDO_CONFIG", Path.Combine(_directory, "none.json"));
        Environment.SetEnvironmentVariable("VIVIDO_URL", server.Url);
        Environment.SetEnvironmentVariable("VIVIDO_TOKEN", ClientTestServer.AdminSecret);

        var run = await ClientRun.RunAsync("audit", "verify");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("ok: ");
    }

    [Fact]
    public async Task Verbs_NothingConfigured_Exits1()
    {
        Environment.SetEnvironmentVariable("VIVIDO_CONFIG", Path.Combine(_directory, "none.json"));

        var run = await ClientRun.RunAsync("images", "ls");

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("no server");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("VIVIDO_CONFIG", null);
        Environment.SetEnvironmentVariable("VIVIDO_URL", null);
        Environment.SetEnvironmentVariable("VIVIDO_TOKEN", null);
        Directory.Delete(_directory, recursive: true);
    }
}
