using System.Net.Http.Json;
using System.Text.Json;

namespace Vivido.Cli.Tests;

/// <summary><c>vivido where</c>, <c>vivido deployments report</c> and <c>vivido deployments summary</c> against a real server.</summary>
public sealed class DeploymentsCommandTests(ClientTestServer server) : IClassFixture<ClientTestServer>
{
    [Fact]
    public async Task Report_ThenWhere_PrintsOneLineThenTheTable()
    {
        var digest = await server.RegisterAsync("deploys/where");

        var report = await ReportAsync(digest, "progressing", "prod");
        var where = await server.AdminAsync("where", digest);

        report.ExitCode.ShouldBe(0, report.Error);
        report.Output.Trim().ShouldMatch($@"^{digest} progressing in prod \(eu-1/shop/deployment/api\), first seen \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ, last seen .+Z$");
        where.ExitCode.ShouldBe(0, where.Error);
        var lines = where.Output.Trim().Split('\n');
        lines[0].ShouldMatch("^ENVIRONMENT +CLUSTER +NAMESPACE +WORKLOAD +STATUS +FIRST-SEEN +LAST-SEEN$");
        lines.Length.ShouldBe(2);
        lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..5].ShouldBe(["prod", "eu-1", "shop", "deployment/api", "progressing"]);
    }

    [Fact]
    public async Task Where_Json_IsTheApiDocument()
    {
        var digest = await server.RegisterAsync("deploys/json");
        (await ReportAsync(digest, "healthy", "staging")).ExitCode.ShouldBe(0);

        var run = await server.AdminAsync("where", digest, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.Trim().ShouldBe((await server.GetRawAsync($"/api/v1/images/{digest}/deployments")).Trim());
        run.Json().GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task Where_NotDeployedAnywhere_PrintsOnlyTheHeader()
    {
        var digest = await server.RegisterAsync("deploys/nowhere");

        var run = await server.AdminAsync("where", digest);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.Trim().ShouldBe("ENVIRONMENT  CLUSTER  NAMESPACE  WORKLOAD  STATUS  FIRST-SEEN  LAST-SEEN");
    }

    [Fact]
    public async Task Where_UnknownDigest_Exits1WithOneLine()
    {
        var digest = ClientTestServer.NewDigest();

        var run = await server.AdminAsync("where", digest);

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldBeEmpty();
        run.Error.Trim().ShouldBe($"vivido: image {digest} is not registered (HTTP 404)");
    }

    [Theory]
    [InlineData("--status", "running", "'status' must be one of healthy, degraded, failed, stopped, progressing")]
    [InlineData("--environment", "prod\u0007", "'environment' must not contain control characters")]
    [InlineData("--digest", "sha256:abc", "'digest' must be sha256:")]
    public async Task Report_BadValue_Exits1NamingTheFieldAndRecordsNothing(string option, string value, string message)
    {
        var digest = await server.RegisterAsync("deploys/bad");
        var args = new List<string> { "deployments", "report", "--digest", digest, "--environment", "prod", "--cluster", "eu-1", "--namespace", "shop", "--workload", "w", "--status", "healthy" };
        args[args.IndexOf(option) + 1] = value;

        var run = await server.AdminAsync([.. args]);

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(message);
        JsonDocument.Parse(await server.GetRawAsync($"/api/v1/images/{digest}/deployments")).RootElement.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Report_MissingOption_Exits1NamingIt()
    {
        var run = await server.AdminAsync("deployments", "report", "--digest", ClientTestServer.NewDigest(), "--environment", "prod", "--cluster", "c", "--namespace", "n", "--status", "healthy");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--workload");
    }

    [Fact]
    public async Task Summary_ScopedToken_PrintsCountsAndRates()
    {
        var repository = $"deploys/summary-{Guid.NewGuid():N}"[..24];
        var healthy = await server.RegisterAsync(repository);
        var failed = await server.RegisterAsync(repository);
        var progressing = await server.RegisterAsync(repository);
        (await ReportAsync(healthy, "healthy", "prod")).ExitCode.ShouldBe(0);
        (await ReportAsync(failed, "failed", "prod")).ExitCode.ShouldBe(0);
        (await ReportAsync(progressing, "progressing", "prod")).ExitCode.ShouldBe(0);
        var reader = await ReaderTokenAsync(repository);

        var run = await server.AsAsync(reader, "deployments", "summary");
        var json = await server.AsAsync(reader, "deployments", "summary", "--since", "2000-01-01T00:00:00Z", "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Trim().Split('\n');
        lines[0].ShouldMatch(@"^since: +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$");
        lines[1..].ShouldBe(
        [
            "deployments:        3 (healthy 1, degraded 0, failed 1, stopped 0, progressing 1)",
            "deployment success: 50%",
            "rollbacks:          0 (succeeded 0, failed 0, pending 0)",
            "rollback success:   -",
        ]);
        json.ExitCode.ShouldBe(0, json.Error);
        var document = json.Json();
        document.GetProperty("since").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        document.GetProperty("deployments").GetProperty("successRate").GetDouble().ShouldBe(0.5);
        document.GetProperty("rollbacks").GetProperty("successRate").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Summary_BadSince_Exits1WithOneLine()
    {
        var run = await server.AdminAsync("deployments", "summary", "--since", "last week");

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("'since' must be an RFC 3339 time");
    }

    [Theory]
    [InlineData("where")]
    [InlineData("deployments")]
    [InlineData("deployments", "report")]
    [InlineData("deployments", "summary")]
    public async Task Help_EveryVerb_DescribesIt(params string[] verb)
    {
        var run = await ClientRun.RunAsync([.. verb, "--help"]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("Usage:");
        run.Output.ShouldContain(verb[^1]);
    }

    private Task<ClientRun> ReportAsync(string digest, string status, string environment) =>
        server.AdminAsync(
            "deployments", "report", "--digest", digest, "--environment", environment, "--cluster", "eu-1", "--namespace", "shop", "--workload", "deployment/api", "--status", status);

    private async Task<string> ReaderTokenAsync(string repository)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ClientTestServer.AdminSecret);
        using var response = await http.PostAsJsonAsync("/api/v1/tokens", new { name = $"r-{Guid.NewGuid():N}"[..20], roles = new[] { "reader" }, repositories = new[] { repository } });
        ((int)response.StatusCode).ShouldBe(201);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("secret").GetString()!;
    }
}
