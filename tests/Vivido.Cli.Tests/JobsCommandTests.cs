using System.Diagnostics;
using System.Text.Json;

namespace Vivido.Cli.Tests;

public sealed class JobsCommandTests(ClientTestServer server) : IClassFixture<ClientTestServer>
{
    [Fact]
    public async Task JobsLs_Json_PrintsTheApiDocument()
    {
        var run = await WhenLeaseTakenAsync("-o", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var api = JsonDocument.Parse(await server.GetRawAsync("/api/v1/jobs"));
        var printed = run.Json();
        // A renewal between the two reads may move expiresAt; everything else is the same document.
        printed.EnumerateObject().Select(p => p.Name).ShouldBe(api.RootElement.EnumerateObject().Select(p => p.Name));
        printed.GetProperty("replicaId").GetString().ShouldBe(api.RootElement.GetProperty("replicaId").GetString());
        printed.GetProperty("leases").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ShouldBe(["rescans", "timers"]);
        var lease = printed.GetProperty("leases")[1];
        lease.EnumerateObject().Select(p => p.Name).ShouldBe(["name", "holder", "acquiredAt", "expiresAt", "active"]);
        lease.GetProperty("holder").GetString().ShouldBe(printed.GetProperty("replicaId").GetString());
        lease.GetProperty("acquiredAt").GetString().ShouldBe(api.RootElement.GetProperty("leases")[1].GetProperty("acquiredAt").GetString());
    }

    [Fact]
    public async Task JobsLs_Table_ShowsTheLeaseAndTheAnsweringReplica()
    {
        var run = await WhenLeaseTakenAsync();

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Trim().Split('\n');
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["NAME", "HOLDER", "ACQUIRED", "EXPIRES", "ACTIVE"]);
        lines[1].ShouldStartWith("rescans");
        lines[2].ShouldStartWith("timers");
        lines[1..3].ShouldAllBe(l => l.EndsWith("yes", StringComparison.Ordinal));
        lines[^1].ShouldStartWith("answered by replica ");
        lines[^1].ShouldEndWith(", which runs jobs");
    }

    [Fact]
    public async Task JobsLs_NonAdminToken_Exits1WithTheReason()
    {
        var create = await server.AdminAsync("tokens", "create", "jobs-reader-" + Guid.NewGuid().ToString("N")[..6], "--role", "reader", "-o", "json");
        var secret = create.Json().GetProperty("secret").GetString()!;

        var run = await server.AsAsync(secret, "jobs", "ls");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("(HTTP 403)");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task JobsLs_Help_DescribesTheVerb()
    {
        var run = await CliRun.RunAsync("jobs", "ls", "--help");

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain("which replica holds each");
        run.Output.ShouldContain("--output");
    }

    /// <summary>The server's timer job takes its lease right after start; polls until the listing shows it.</summary>
    private async Task<ClientRun> WhenLeaseTakenAsync(params string[] options)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var json = await server.AdminAsync("jobs", "ls", "-o", "json");
            json.ExitCode.ShouldBe(0, json.Error);
            if (json.Json().GetProperty("leases").GetArrayLength() == 2)
            {
                return await server.AdminAsync(["jobs", "ls", .. options]);
            }

            elapsed.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the rescans and timers leases are taken");
            await Task.Delay(20);
        }
    }
}
