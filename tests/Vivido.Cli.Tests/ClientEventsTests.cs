namespace Vivido.Cli.Tests;

public sealed class ClientEventsTests(ClientTestServer server) : IClassFixture<ClientTestServer>
{
    [Fact]
    public async Task Event_Accepted_Exits0AndPrintsTheMove()
    {
        var digest = await server.RegisterAsync();

        var run = await server.AdminAsync("event", digest, "scan_failed", "--reason", "trivy says no");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe($"{digest}: Building -> Failed by scan_failed, version 2\n");
    }

    [Fact]
    public async Task Event_UnmetGuards_Exits3PrintingEachGuard()
    {
        var digest = await server.RegisterAsync();

        var run = await server.AdminAsync("event", digest, "scan_passed");

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain("refused");
        run.Error.ShouldContain("unmet guard scan-present: no scan report is attached");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Event_NotAllowed_Exits3NamingAllowedEvents()
    {
        var digest = await server.RegisterAsync();

        var run = await server.AdminAsync("promote", digest);

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain("allowed: scan_passed, scan_failed");
    }

    [Fact]
    public async Task Event_RefusedWithJsonOutput_PrintsTheProblemDocument()
    {
        var digest = await server.RegisterAsync();

        var run = await server.AdminAsync("event", digest, "scan_passed", "-o", "json");

        run.ExitCode.ShouldBe(3);
        run.Json().GetProperty("unmetGuards")[0].GetProperty("name").GetString().ShouldBe("scan-present");
    }

    [Fact]
    public async Task Event_StaleIfMatch_Exits4()
    {
        var digest = await server.RegisterAsync();

        var run = await server.AdminAsync("event", digest, "scan_failed", "--if-match", "9");

        run.ExitCode.ShouldBe(4);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("version conflict");
    }

    [Fact]
    public async Task Event_UnknownEvent_Exits1()
    {
        var digest = await server.RegisterAsync();
        var run = await server.AdminAsync("event", digest, "teleport");
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("unknown event 'teleport'");
    }

    [Fact]
    public async Task Event_BadParam_Exits1()
    {
        var digest = await server.RegisterAsync();
        var run = await server.AdminAsync("event", digest, "scan_failed", "--param", "novalue");
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("KEY=VALUE");
    }

    [Fact]
    public async Task Event_ParamsAndIdempotencyKey_AreSent()
    {
        var digest = await server.RegisterAsync();

        var first = await server.AdminAsync("event", digest, "scan_failed", "--param", "ticket=OPS-1", "--idempotency-key", "k1", "-o", "json");
        var replay = await server.AdminAsync("event", digest, "scan_failed", "--param", "ticket=OPS-1", "--idempotency-key", "k1", "-o", "json");

        first.ExitCode.ShouldBe(0, first.Error);
        replay.ExitCode.ShouldBe(0, replay.Error);
        replay.Output.ShouldBe(first.Output);
        first.Json().GetProperty("transition").GetProperty("params").GetProperty("ticket").GetString().ShouldBe("OPS-1");
    }

    [Fact]
    public async Task Rollback_NoCandidate_Exits3()
    {
        var run = await server.AdminAsync("rollback", "team-empty/app", "--reason", "bad deploy");
        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain("no Deprecated digest");
    }

    [Fact]
    public async Task Rollback_WithoutReason_Exits1()
    {
        var run = await server.AdminAsync("rollback", "team-a/api");
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--reason");
    }

    [Fact]
    public async Task Override_Admin_ForcesTheState()
    {
        var digest = await server.RegisterAsync();

        var run = await server.AdminAsync("override", digest, "--to", "Active", "--reason", "incident 7");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe($"{digest}: Building -> Active by override (override), version 2\n");
    }

    [Fact]
    public async Task Override_WithoutTo_Exits1()
    {
        var digest = await server.RegisterAsync();
        var run = await server.AdminAsync("override", digest, "--reason", "x");
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--to");
    }

    [Fact]
    public async Task ApproveThenVeto_Image_PrintsAndExits0()
    {
        var digest = await server.RegisterAsync();

        var approve = await server.AdminAsync("approve", digest, "--role", "release-manager", "--comment", "ship it");
        var veto = await server.AdminAsync("veto", digest, "--reason", "CVE-2024-1");

        approve.ExitCode.ShouldBe(0, approve.Error);
        approve.Output.ShouldBe($"{digest} approved by admin as release-manager\n");
        veto.ExitCode.ShouldBe(0, veto.Error);
        veto.Output.ShouldBe($"{digest} vetoed; state Quarantined (version 3)\n");
    }
}
