using System.Text.Json;
using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

/// <summary><c>POST /api/v1/deployments</c> and <c>GET /api/v1/images/{digest}/deployments</c>.</summary>
public sealed class DeploymentsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerHarness Server => fixture.Server;

    [Fact]
    public async Task Report_NewPlace_Answers201WithTheStoredRowAndListsIt()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var at = Server.Time.GetUtcNow();

        using var response = await Server.Admin.PostAsync("/api/v1/deployments", Body(digest, status: "progressing"));

        var row = await response.ShouldBeJsonAsync(201);
        response.Headers.Location?.ToString().ShouldBe($"/api/v1/images/{digest}/deployments");
        Names(row).ShouldBe(["digest", "environment", "cluster", "namespace", "workload", "status", "firstSeen", "lastSeen"]);
        (row.Str("digest"), row.Str("environment"), row.Str("cluster"), row.Str("namespace"), row.Str("workload"), row.Str("status"))
            .ShouldBe((digest, "prod", "eu-1", "shop", "deployment/api", "progressing"));
        row.GetProperty("firstSeen").GetDateTimeOffset().ShouldBeGreaterThan(at);
        row.Str("lastSeen").ShouldBe(row.Str("firstSeen"));
        var listed = await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}/deployments");
        listed.Str("digest").ShouldBe(digest);
        var item = listed.Items().ShouldHaveSingleItem();
        Names(item).ShouldBe(["environment", "cluster", "namespace", "workload", "status", "firstSeen", "lastSeen"]);
        item.Str("status").ShouldBe("progressing");
    }

    [Fact]
    public async Task Report_SamePlaceLater_KeepsFirstSeenAndUpdatesStatusAndLastSeen()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var first = await Server.Admin.PostJsonAsync("/api/v1/deployments", Body(digest, status: "progressing"), 201);
        Server.Time.Advance(TimeSpan.FromMinutes(5));

        var second = await Server.Admin.PostJsonAsync("/api/v1/deployments", Body(digest, status: "healthy"), 201);

        second.Str("firstSeen").ShouldBe(first.Str("firstSeen"));
        second.GetProperty("lastSeen").GetDateTimeOffset().ShouldBeGreaterThan(first.GetProperty("lastSeen").GetDateTimeOffset().AddMinutes(5));
        second.Str("status").ShouldBe("healthy");
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}/deployments")).Items().ShouldHaveSingleItem().Str("status").ShouldBe("healthy");
    }

    [Fact]
    public async Task Report_UnknownDigest_Answers404AndWritesNothing()
    {
        var before = await Server.CountsAsync();

        using var response = await Server.Admin.PostAsync("/api/v1/deployments", Body(TestDigests.New()));

        (await response.ShouldBeProblemAsync(404)).Str("detail").ShouldContain("not registered");
        (await Server.CountsAsync())["deployments"].ShouldBe(before["deployments"]);
    }

    [Fact]
    public async Task List_UnknownDigest_Answers404()
    {
        using var response = await Server.Admin.GetAsync($"/api/v1/images/{TestDigests.New()}/deployments");

        await response.ShouldBeProblemAsync(404);
    }

    [Theory]
    [InlineData("digest", null, "'digest' is required")]
    [InlineData("digest", "sha256:abc", "'digest' must be sha256:")]
    [InlineData("environment", null, "'environment' is required")]
    [InlineData("environment", "", "'environment' is required")]
    [InlineData("environment", "LONG", "longer than 253")]
    [InlineData("environment", "prod\n", "control characters")]
    [InlineData("cluster", null, "'cluster' is required")]
    [InlineData("cluster", "LONG", "longer than 253")]
    [InlineData("cluster", "eu\u00001", "control characters")]
    [InlineData("namespace", null, "'namespace' is required")]
    [InlineData("namespace", "", "'namespace' is required")]
    [InlineData("namespace", "shop\t", "control characters")]
    [InlineData("workload", null, "'workload' is required")]
    [InlineData("workload", "LONG", "longer than 253")]
    [InlineData("workload", "deployment/\u007fapi", "control characters")]
    [InlineData("status", null, "'status' must be one of healthy, degraded, failed, stopped, progressing")]
    [InlineData("status", "Healthy", "'status' must be one of")]
    [InlineData("status", "running", "'status' must be one of")]
    public async Task Report_BadField_Answers400NamingItAndWritesNothing(string field, string? value, string message)
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var body = Fields(digest);
        body[field] = value == "LONG" ? new string('a', 254) : value;
        var before = await Server.CountsAsync();

        using var response = await Server.Admin.PostAsync("/api/v1/deployments", body);

        (await response.ShouldBeProblemAsync(400, field)).Str("detail").ShouldContain(message);
        (await Server.CountsAsync())["deployments"].ShouldBe(before["deployments"]);
    }

    [Fact]
    public async Task Report_LongestNames_Accepted()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var longest = new string('n', 253);

        var row = await Server.Admin.PostJsonAsync(
            "/api/v1/deployments", new { environment = longest, cluster = longest, @namespace = longest, workload = longest, digest, status = "stopped" }, 201);

        row.Str("workload").ShouldBe(longest);
    }

    [Theory]
    [InlineData("{\"environment\":\"prod\",\"cluster\":\"c\",\"namespace\":\"n\",\"workload\":\"w\",\"digest\":\"DIGEST\",\"status\":3}", "status")]
    [InlineData("{\"environment\":[],\"cluster\":\"c\",\"namespace\":\"n\",\"workload\":\"w\",\"digest\":\"DIGEST\",\"status\":\"healthy\"}", "environment")]
    [InlineData("{\"environment\":\"prod\",\"cluster\":\"c\",\"namespace\":\"n\",\"workload\":\"w\",\"digest\":\"DIGEST\",\"status\":\"healthy\",\"actor\":\"x\"}", null)]
    public async Task Report_MalformedJson_Answers400(string json, string? field)
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());

        using var response = await Server.Admin.PostAsync("/api/v1/deployments", json.Replace("DIGEST", digest, StringComparison.Ordinal));

        await response.ShouldBeProblemAsync(400, field);
    }

    [Theory]
    [InlineData("ci", 201)]
    [InlineData("deployer", 201)]
    [InlineData("reader", 403)]
    [InlineData("scanner", 403)]
    [InlineData("approver", 403)]
    public async Task Report_ByRole_OnlyCiDeployerAndAdminMayReport(string role, int status)
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var client = await Server.TokenAsync($"{role}-{Guid.NewGuid():N}"[..20], [role]);

        using var response = await client.PostAsync("/api/v1/deployments", Body(digest));

        ((int)response.StatusCode).ShouldBe(status);
        (await client.GetJsonAsync($"/api/v1/images/{digest}/deployments")).Items().Count.ShouldBe(status == 201 ? 1 : 0);
    }

    [Fact]
    public async Task Report_OutsideTheTokensRepositories_Answers403AndWritesNothing()
    {
        var outside = await Server.RegisterAsync(TestDigests.NewRepository("team-b"));
        var inside = await Server.RegisterAsync(TestDigests.NewRepository("team-a"));
        var scoped = await Server.TokenAsync($"scoped-{Guid.NewGuid():N}"[..20], ["deployer"], ["team-a/*"]);

        using var denied = await scoped.PostAsync("/api/v1/deployments", Body(outside));
        using var listDenied = await scoped.GetAsync($"/api/v1/images/{outside}/deployments");

        await denied.ShouldBeProblemAsync(403);
        await listDenied.ShouldBeProblemAsync(403);
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{outside}/deployments")).Items().ShouldBeEmpty();
        (await scoped.PostJsonAsync("/api/v1/deployments", Body(inside), 201)).Str("digest").ShouldBe(inside);
    }

    [Fact]
    public async Task Report_SameIdempotencyKey_ReplaysTheFirstAnswer()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "deploy-" + Guid.NewGuid().ToString("N") };
        var first = await Server.Admin.PostJsonAsync("/api/v1/deployments", Body(digest), 201, key);
        Server.Time.Advance(TimeSpan.FromMinutes(1));

        using var replay = await Server.Admin.PostAsync("/api/v1/deployments", Body(digest), key);
        using var reused = await Server.Admin.PostAsync("/api/v1/deployments", Body(digest, status: "failed"), key);

        (await replay.ShouldBeJsonAsync(201)).Str("lastSeen").ShouldBe(first.Str("lastSeen"));
        replay.Headers.Contains("Idempotent-Replayed").ShouldBeTrue();
        await reused.ShouldBeProblemAsync(422);
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}/deployments")).Items().ShouldHaveSingleItem().Str("lastSeen").ShouldBe(first.Str("lastSeen"));
    }

    [Fact]
    public async Task Report_NoToken_Answers401()
    {
        using var response = await Server.Anonymous.PostAsync("/api/v1/deployments", Body(TestDigests.New()));

        await response.ShouldBeProblemAsync(401);
    }

    private static object Body(string digest, string status = "healthy") =>
        new { environment = "prod", cluster = "eu-1", @namespace = "shop", workload = "deployment/api", digest, status };

    private static Dictionary<string, string?> Fields(string digest) => new()
    {
        ["environment"] = "prod", ["cluster"] = "eu-1", ["namespace"] = "shop", ["workload"] = "deployment/api", ["digest"] = digest, ["status"] = "healthy",
    };

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
