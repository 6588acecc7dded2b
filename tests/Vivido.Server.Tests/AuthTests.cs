using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

public sealed class AuthTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerHarness Server => fixture.Server;

    [Theory]
    [InlineData("GET", "/api/v1/images")]
    [InlineData("POST", "/api/v1/images")]
    [InlineData("GET", "/api/v1/images/sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("POST", "/api/v1/images/sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef/events")]
    [InlineData("POST", "/api/v1/rollbacks")]
    [InlineData("PUT", "/api/v1/tags")]
    [InlineData("GET", "/api/v1/audit/verify")]
    [InlineData("GET", "/api/v1/tokens")]
    public async Task Route_WithoutToken_Returns401Problem(string method, string path)
    {
        var before = await Server.CountsAsync();
        using var response = await Server.Anonymous.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");
        await response.ShouldBeProblemAsync(401);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Route_UnknownToken_Returns401()
    {
        using var response = await Server.As("vvd_not-a-real-token").GetAsync("/api/v1/images");
        (await response.ShouldBeProblemAsync(401)).Str("detail").ShouldContain("unknown or revoked");
    }

    [Fact]
    public async Task Route_BasicScheme_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.BaseAddress, "/api/v1/images"));
        request.Headers.TryAddWithoutValidation("Authorization", "Basic YWRtaW46YWRtaW4=");
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        await response.ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task Register_ReaderToken_Returns403NamingTheRoles()
    {
        var reader = await Server.TokenAsync("reader-" + Suffix(), ["reader"]);
        using var response = await reader.PostAsync("/api/v1/images", new { repository = "team-a/api", digest = TestDigests.New() });
        (await response.ShouldBeProblemAsync(403)).Str("detail").ShouldContain("ci");
    }

    [Fact]
    public async Task Routes_EachRole_GetsOnlyItsPolicies()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        var reader = await Server.TokenAsync("r-" + Suffix(), ["reader"]);
        var ci = await Server.TokenAsync("c-" + Suffix(), ["ci"]);
        var scanner = await Server.TokenAsync("s-" + Suffix(), ["scanner"]);

        (await Status(reader.GetAsync($"/api/v1/images/{digest}"))).ShouldBe(200);
        (await Status(reader.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" }))).ShouldBe(403);
        (await Status(ci.PostAsync($"/api/v1/images/{digest}/approvals", new { role = "qa" }))).ShouldBe(403);
        (await Status(ci.PostAsync($"/api/v1/images/{digest}/veto", new { reason = "x" }))).ShouldBe(403);
        (await Status(scanner.PostAsync("/api/v1/rollbacks", new { repository = "team-a/api", reason = "x" }))).ShouldBe(403);
        (await Status(scanner.PutAsync("/api/v1/tags", new { repository = "team-a/api", tag = "x", digest }))).ShouldBe(403);
        (await Status(scanner.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" }))).ShouldBe(200);
    }

    [Fact]
    public async Task ScopedToken_OtherRepository_Returns403AndWritesNothing()
    {
        var outside = await Server.RegisterAsync("team-b/api");
        var scoped = await Server.TokenAsync("team-a-ci-" + Suffix(), ["ci", "deployer"], ["team-a/*"]);
        var before = await Server.CountsAsync();

        (await Status(scoped.GetAsync($"/api/v1/images/{outside}"))).ShouldBe(403);
        (await Status(scoped.GetAsync($"/api/v1/images/{outside}/history"))).ShouldBe(403);
        (await Status(scoped.PostAsync($"/api/v1/images/{outside}/events", new { @event = "scan_failed" }))).ShouldBe(403);
        (await Status(scoped.PostAsync("/api/v1/images", new { repository = "team-b/api", digest = TestDigests.New() }))).ShouldBe(403);
        (await Status(scoped.GetAsync("/api/v1/images?repository=team-b/api"))).ShouldBe(403);
        (await Status(scoped.GetAsync("/api/v1/tags?repository=team-b/api"))).ShouldBe(403);
        (await Status(scoped.PutAsync("/api/v1/tags", new { repository = "team-b/api", tag = "x", digest = outside }))).ShouldBe(403);
        (await Status(scoped.PostAsync("/api/v1/rollbacks", new { repository = "team-b/api", reason = "x" }))).ShouldBe(403);
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ScopedToken_OwnRepository_Works()
    {
        var scoped = await Server.TokenAsync("team-a-ci2-" + Suffix(), ["ci"], ["team-a/*"]);
        var digest = TestDigests.New();
        await scoped.PostJsonAsync("/api/v1/images", new { repository = "team-a/tools/builder", digest }, 201);
        (await scoped.GetJsonAsync($"/api/v1/images/{digest}")).Str("repository").ShouldBe("team-a/tools/builder");
    }

    [Fact]
    public async Task ScopedToken_ListWithoutRepository_ShowsOnlyItsRepositories()
    {
        await Server.RegisterAsync("team-b/hidden");
        var visible = await Server.RegisterAsync("team-c/shown");
        var scoped = await Server.TokenAsync("team-c-" + Suffix(), ["reader"], ["team-c/*"]);

        var page = await scoped.GetJsonAsync("/api/v1/images?limit=2");

        page.Items().ShouldAllBe(i => i.GetProperty("repository").GetString()!.StartsWith("team-c/"));
        page.Items().Select(i => i.Str("digest")).ShouldContain(visible);
    }

    [Fact]
    public async Task Health_WithoutToken_Returns200()
    {
        (await Server.Anonymous.GetJsonAsync("/healthz")).Str("status").ShouldBe("ok");
        (await Server.Anonymous.GetJsonAsync("/readyz")).Str("status").ShouldBe("ready");
    }

    [Fact]
    public async Task OpenApi_WithoutToken_ListsEveryRoute()
    {
        var document = await Server.Anonymous.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldBe(
            [
                "/healthz", "/readyz", "/api/v1/images", "/api/v1/images/{digest}", "/api/v1/images/{digest}/history", "/api/v1/images/{digest}/events",
                "/api/v1/images/{digest}/override", "/api/v1/images/{digest}/override/reject", "/api/v1/images/{digest}/approvals",
                "/api/v1/images/{digest}/veto", "/api/v1/rollbacks", "/api/v1/tags", "/api/v1/tags/history", "/api/v1/audit", "/api/v1/audit/verify",
                "/api/v1/tokens", "/api/v1/tokens/{name}", "/api/v1/jobs",
                "/webhooks/distribution", "/webhooks/harbor", "/webhooks/github",
                "/api/v1/images/{digest}/signatures/verify", "/api/v1/cleanup/plan", "/api/v1/cleanup",
                "/api/v1/images/{digest}/scans", "/api/v1/images/{digest}/sboms", "/api/v1/images/{digest}/attestations",
                "/api/v1/images/{digest}/evidence", "/api/v1/images/{digest}/evidence/{id}/raw", "/api/v1/images/{digest}/evidence/bundle",
                "/api/v1/evidence/bundles", "/api/v1/vulnerabilities/{id}/images", "/api/v1/packages", "/api/v1/time-to-patch",
                "/api/v1/images/{digest}/time-to-patch", "/api/v1/images/{digest}/vulnerabilities",
                "/api/v1/deployments", "/api/v1/deployments/summary", "/api/v1/images/{digest}/deployments",
                "/admission/validate", "/admission/mutate", "/api/v1/check",
            ],
            ignoreOrder: true);
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _).ShouldBeTrue();
        var fire = document.GetProperty("paths").GetProperty("/api/v1/images/{digest}/events").GetProperty("post").GetProperty("responses");
        fire.TryGetProperty("422", out var refused).ShouldBeTrue();
        refused.GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue();
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    private static async Task<int> Status(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var status = (int)response.StatusCode;
        if (status >= 400)
        {
            await response.ShouldBeProblemAsync(status);
        }

        return status;
    }
}
