using System.Text.Json;

namespace Vivido.Cli.Tests;

public sealed class ClientAdminTests(ClientTestServer server) : IClassFixture<ClientTestServer>
{
    [Fact]
    public async Task TagsSet_TwoMoves_ListAndHistoryShowThem()
    {
        var repository = "team-tags/app" + Guid.NewGuid().ToString("N")[..6];
        var first = await server.RegisterAsync(repository);
        var second = await server.RegisterAsync(repository);

        (await server.AdminAsync("tags", "set", $"{repository}:stable", first)).ExitCode.ShouldBe(0);
        var move = await server.AdminAsync("tags", "set", $"{repository}:stable", second);
        var list = await server.AdminAsync("tags", "ls", "--repository", repository);
        var history = await server.AdminAsync("tags", "history", "--repository", repository, "-o", "json");

        move.Output.ShouldBe($"{repository}:stable: {first} -> {second}\n");
        list.ExitCode.ShouldBe(0, list.Error);
        list.Output.Trim().Split('\n')[1].ShouldStartWith("stable");
        list.Output.ShouldContain(second);
        history.Json().GetProperty("items").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task TagsSet_BadReference_Exits1()
    {
        var run = await server.AdminAsync("tags", "set", "localhost:5000/app", ClientTestServer.NewDigest());
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("REPO:TAG");
    }

    [Fact]
    public async Task AuditExport_AfterEvents_PrintsEveryEntryInSeqOrder()
    {
        var digest = await server.RegisterAsync();
        await server.AdminAsync("event", digest, "scan_failed");

        var verify = await server.AdminAsync("audit", "verify");
        var export = await server.AdminAsync("audit", "export");

        verify.ExitCode.ShouldBe(0, verify.Error);
        verify.Output.ShouldStartWith("ok: ");
        export.ExitCode.ShouldBe(0, export.Error);
        var lines = export.Output.Trim().Split('\n');
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("seq").GetInt64()).ShouldBe(Enumerable.Range(1, lines.Length).Select(i => (long)i));
        var entries = JsonDocument.Parse((await server.AdminAsync("audit", "verify", "-o", "json")).Output).RootElement.GetProperty("entries").GetInt64();
        entries.ShouldBeGreaterThanOrEqualTo(lines.Length);
    }

    [Fact]
    public async Task Tokens_CreateUseRevoke_TokenStopsWorking()
    {
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];

        var create = await server.AdminAsync("tokens", "create", name, "--role", "reader", "--repository", "team-a/*", "-o", "json");
        var secret = create.Json().GetProperty("secret").GetString()!;
        var asReader = await server.AsAsync(secret, "images", "ls", "--repository", "team-a/api");
        var forbidden = await server.AsAsync(secret, "register", $"team-a/api@{ClientTestServer.NewDigest()}");
        var list = await server.AdminAsync("tokens", "ls");
        var revoke = await server.AdminAsync("tokens", "revoke", name);
        var afterRevoke = await server.AsAsync(secret, "images", "ls");

        create.ExitCode.ShouldBe(0, create.Error);
        asReader.ExitCode.ShouldBe(0, asReader.Error);
        forbidden.ExitCode.ShouldBe(1);
        forbidden.Error.ShouldContain("HTTP 403");
        list.Output.ShouldContain(name);
        list.Output.ShouldNotContain(secret);
        revoke.Output.ShouldBe($"token {name} revoked\n");
        afterRevoke.ExitCode.ShouldBe(1);
        afterRevoke.Error.ShouldContain("HTTP 401");
    }

    [Fact]
    public async Task TokensCreate_TablePrintsTheSecretOnce()
    {
        var run = await server.AdminAsync("tokens", "create", "table-" + Guid.NewGuid().ToString("N")[..6], "--role", "ci", "--role", "scanner");
        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Trim().Split('\n');
        lines[0].ShouldContain("(ci,scanner)");
        lines[1].ShouldStartWith("vvd_");
    }

    [Fact]
    public async Task Client_WrongToken_Exits1()
    {
        var run = await server.AsAsync("vvd_wrong", "images", "ls");
        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("unknown or revoked");
    }

    [Fact]
    public async Task Client_UnreachableServer_Exits1WithOneLine()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await ClientRun.RunAsync("images", "ls", "--server", $"http://127.0.0.1:{port}", "--token", "x");

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("cannot reach the server");
    }

    [Fact]
    public async Task Client_BadServerUrl_Exits1()
    {
        var run = await ClientRun.RunAsync("images", "ls", "--server", "ftp://x", "--token", "x");
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("invalid server URL");
    }
}
