using Microsoft.Data.Sqlite;
using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

public sealed class AuditApiTests
{
    [Fact]
    public async Task Read_PagesThroughEveryEntryInSeqOrder()
    {
        await using var server = await ServerHarness.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            var digest = await server.RegisterAsync("team-a/api");
            await server.FireAsync(digest, "scan_failed");
        }

        var seqs = new List<long>();
        long? since = 0;
        while (since is { } after)
        {
            var page = await server.Admin.GetJsonAsync($"/api/v1/audit?since={after}&limit=3");
            seqs.AddRange(page.Items().Select(e => e.Long("seq")));
            since = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Number ? page.Long("next") : null;
        }

        seqs.ShouldBe(Enumerable.Range(1, 10).Select(i => (long)i));
    }

    [Theory]
    [InlineData("since=-1", "since")]
    [InlineData("since=abc", "since")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    public async Task Read_BadQuery_Returns400(string query, string field)
    {
        await using var server = await ServerHarness.StartAsync();
        using var response = await server.Admin.GetAsync("/api/v1/audit?" + query);
        await response.ShouldBeProblemAsync(400, field);
    }

    [Fact]
    public async Task Verify_IntactChain_IsOk()
    {
        await using var server = await ServerHarness.StartAsync();
        var digest = await server.RegisterAsync("team-a/api");
        await server.FireAsync(digest, "scan_passed");
        await server.FireAsync(digest, "scan_failed");

        var result = await server.Admin.GetJsonAsync("/api/v1/audit/verify");

        result.GetProperty("ok").GetBoolean().ShouldBeTrue();
        result.Long("entries").ShouldBe(3);
        result.GetProperty("firstBadSeq").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Verify_TamperedEntry_NamesTheFirstBadSeq()
    {
        await using var server = await ServerHarness.StartAsync();
        var digest = await server.RegisterAsync("team-a/api");
        await server.FireAsync(digest, "scan_failed", new { note = "x" });
        await server.RegisterAsync("team-a/api");

        // Someone with file access edits history behind the API: drop the guard trigger and rewrite an actor.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "vivido.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            var triggers = connection.CreateCommand();
            triggers.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'history' AND sql LIKE '%UPDATE%'";
            var names = new List<string>();
            await using (var reader = await triggers.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            names.ShouldNotBeEmpty();
            var tamper = connection.CreateCommand();
            tamper.CommandText = string.Join(";", names.Select(n => $"DROP TRIGGER \"{n}\"")) + "; UPDATE history SET actor = 'mallory' WHERE seq = 2";
            await tamper.ExecuteNonQueryAsync();
        }

        var result = await server.Admin.GetJsonAsync("/api/v1/audit/verify");

        result.GetProperty("ok").GetBoolean().ShouldBeFalse();
        result.Long("firstBadSeq").ShouldBe(2);
    }

    [Fact]
    public async Task Audit_RepositoryScopedToken_Returns403()
    {
        await using var server = await ServerHarness.StartAsync();
        var scoped = await server.TokenAsync("scoped-reader", ["reader"], ["team-a/*"]);
        using var read = await scoped.GetAsync("/api/v1/audit");
        await read.ShouldBeProblemAsync(403);
        using var verify = await scoped.GetAsync("/api/v1/audit/verify");
        await verify.ShouldBeProblemAsync(403);
    }
}
