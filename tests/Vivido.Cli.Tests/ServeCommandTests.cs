using System.Net;
using System.Net.Sockets;

namespace Vivido.Cli.Tests;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-serve-cli-").FullName;

    [Fact]
    public async Task DbMigrate_AppliesOnceThenReportsUpToDate()
    {
        var data = Path.Combine(_directory, "data");

        var first = await ClientRun.RunAsync("db", "migrate", "--data", data);
        var second = await ClientRun.RunAsync("db", "migrate", "--data", data);

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("applied 0001");
        File.Exists(Path.Combine(data, "vivido.db")).ShouldBeTrue();
        second.Output.ShouldContain("is up to date");
    }

    [Fact]
    public async Task Serve_MissingLifecycleFile_Exits1WithOneLine()
    {
        var run = await ClientRun.RunAsync("serve", "--data", Path.Combine(_directory, "d"), "--urls", "http://127.0.0.1:0", "--lifecycle", Path.Combine(_directory, "nope.yaml"));

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("lifecycle file not found");
    }

    [Fact]
    public async Task Serve_PortInUse_Exits1WithOneLine()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var run = await ClientRun.RunAsync("serve", "--data", Path.Combine(_directory, "d"), "--urls", $"http://127.0.0.1:{port}");

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("cannot listen on");
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("db migrate")]
    [InlineData("login")]
    [InlineData("register")]
    [InlineData("images ls")]
    [InlineData("images show")]
    [InlineData("images history")]
    [InlineData("event")]
    [InlineData("promote")]
    [InlineData("rollback")]
    [InlineData("override")]
    [InlineData("approve")]
    [InlineData("veto")]
    [InlineData("tags ls")]
    [InlineData("tags set")]
    [InlineData("tags history")]
    [InlineData("audit verify")]
    [InlineData("audit export")]
    [InlineData("tokens create")]
    [InlineData("tokens ls")]
    [InlineData("tokens revoke")]
    public async Task Verb_Help_DescribesItAndExits0(string verb)
    {
        var run = await ClientRun.RunAsync([.. verb.Split(' '), "--help"]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("Description:");
        run.Output.ShouldContain("Usage:");
        if (verb is not ("serve" or "db migrate" or "login"))
        {
            run.Output.ShouldContain("--server");
            run.Output.ShouldContain("-o, --output");
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
