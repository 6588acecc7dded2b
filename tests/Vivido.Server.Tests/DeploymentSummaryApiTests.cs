using System.Globalization;
using System.Text.Json;
using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

/// <summary><c>GET /api/v1/deployments/summary</c>: each test has its own server, so the counts are exact.</summary>
public sealed class DeploymentSummaryApiTests : IAsyncLifetime
{
    private ServerHarness? _server;

    private ServerHarness Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task Summary_RowsLastSeenSince_CountsPerStatusWithHealthyOverKnownHealth()
    {
        var start = Server.Time.GetUtcNow();
        var a = await Server.RegisterAsync("team-a/api");
        var b = await Server.RegisterAsync("team-a/api");
        var c = await Server.RegisterAsync("team-a/api");
        var d = await Server.RegisterAsync("team-a/api");
        await ReportAsync(a, "healthy");
        await ReportAsync(b, "degraded");
        Server.Time.Advance(TimeSpan.FromDays(2));
        await ReportAsync(c, "failed");
        await ReportAsync(d, "progressing");
        await ReportAsync(a, "healthy");

        var recent = await Server.Admin.GetJsonAsync("/api/v1/deployments/summary?since=" + Rfc3339(start.AddDays(1)));
        var all = await Server.Admin.GetJsonAsync("/api/v1/deployments/summary");

        recent.GetProperty("since").GetDateTimeOffset().ShouldBe(start.AddDays(1));
        Counts(recent.GetProperty("deployments")).ShouldBe("total=3 healthy=1 degraded=0 failed=1 stopped=0 progressing=1 successRate=0.5");
        Counts(all.GetProperty("deployments")).ShouldBe("total=4 healthy=1 degraded=1 failed=1 stopped=0 progressing=1 successRate=0.3333333333333333");
        all.GetProperty("since").GetDateTimeOffset().ShouldBeLessThan(start.AddDays(2).AddDays(-30).AddMinutes(1));
        Counts(all.GetProperty("rollbacks")).ShouldBe("total=0 succeeded=0 failed=0 pending=0 successRate=null");
    }

    [Fact]
    public async Task Summary_RollbacksThroughTheLifecycle_SucceededFailedOrPendingByLaterDeployments()
    {
        var start = Server.Time.GetUtcNow();
        var healthy = await RollBackAsync("team-a/one");
        var failed = await RollBackAsync("team-a/two");
        var waiting = await RollBackAsync("team-a/three");
        Server.Time.Advance(TimeSpan.FromMinutes(10));
        await ReportAsync(healthy, "failed", "prod-eu");
        await ReportAsync(healthy, "healthy", "prod-us");
        await ReportAsync(failed, "failed");
        await ReportAsync(waiting, "progressing");

        var summary = await Server.Admin.GetJsonAsync("/api/v1/deployments/summary?since=" + Rfc3339(start));

        Counts(summary.GetProperty("rollbacks")).ShouldBe("total=3 succeeded=1 failed=1 pending=1 successRate=0.5");
        // Each activation deployed its digest healthy to staging (six rows), then the four reports above.
        Counts(summary.GetProperty("deployments")).ShouldBe("total=10 healthy=7 degraded=0 failed=2 stopped=0 progressing=1 successRate=0.7777777777777778");

        Server.Time.Advance(TimeSpan.FromMinutes(10));
        await ReportAsync(waiting, "healthy");
        var later = await Server.Admin.GetJsonAsync("/api/v1/deployments/summary?since=" + Rfc3339(start));
        var afterRollbacks = await Server.Admin.GetJsonAsync("/api/v1/deployments/summary?since=" + Rfc3339(Server.Time.GetUtcNow().AddMinutes(-5)));

        Counts(later.GetProperty("rollbacks")).ShouldBe("total=3 succeeded=2 failed=1 pending=0 successRate=0.6666666666666666");
        Counts(afterRollbacks.GetProperty("rollbacks")).ShouldBe("total=0 succeeded=0 failed=0 pending=0 successRate=null");
        Counts(afterRollbacks.GetProperty("deployments")).ShouldBe("total=1 healthy=1 degraded=0 failed=0 stopped=0 progressing=0 successRate=1");
    }

    [Fact]
    public async Task Summary_ScopedReader_CountsOnlyItsRepositories()
    {
        var start = Server.Time.GetUtcNow();
        await ReportAsync(await Server.RegisterAsync("team-a/api"), "healthy");
        await ReportAsync(await Server.RegisterAsync("team-b/api"), "failed");
        await RollBackAsync("team-b/web");
        var reader = await Server.TokenAsync("team-a-reader", ["reader"], ["team-a/*"]);

        var scoped = await reader.GetJsonAsync("/api/v1/deployments/summary?since=" + Rfc3339(start));

        Counts(scoped.GetProperty("deployments")).ShouldBe("total=1 healthy=1 degraded=0 failed=0 stopped=0 progressing=0 successRate=1");
        Counts(scoped.GetProperty("rollbacks")).ShouldBe("total=0 succeeded=0 failed=0 pending=0 successRate=null");
    }

    [Theory]
    [InlineData("2026-03-01")]
    [InlineData("2026-03-01T00:00:00")]
    [InlineData("yesterday")]
    [InlineData("")]
    public async Task Summary_BadSince_Answers400NamingIt(string since)
    {
        using var response = await Server.Admin.GetAsync("/api/v1/deployments/summary?since=" + Uri.EscapeDataString(since));

        (await response.ShouldBeProblemAsync(400, "since")).Str("detail").ShouldContain("RFC 3339");
    }

    [Fact]
    public async Task Summary_NoToken_Answers401()
    {
        using var response = await Server.Anonymous.GetAsync("/api/v1/deployments/summary");

        await response.ShouldBeProblemAsync(401);
    }

    /// <summary>Activates two digests of a new repository and rolls back to the first; returns it.</summary>
    private async Task<string> RollBackAsync(string repository)
    {
        var previous = await Server.ActivateAsync(repository);
        await Server.ActivateAsync(repository);
        var result = await Server.Admin.PostJsonAsync("/api/v1/rollbacks", new { repository, reason = "bad release" });
        result.GetProperty("image").Str("digest").ShouldBe(previous);
        return previous;
    }

    private Task ReportAsync(string digest, string status, string environment = "prod") =>
        Server.Admin.PostJsonAsync(
            "/api/v1/deployments", new { environment, cluster = "eu-1", @namespace = "shop", workload = "deployment/api", digest, status }, 201);

    private static string Rfc3339(DateTimeOffset at) =>
        Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    private static string Counts(JsonElement element) =>
        string.Join(" ", element.EnumerateObject().Select(p => $"{p.Name}={(p.Value.ValueKind == JsonValueKind.Null ? "null" : p.Value.GetRawText())}"));
}
