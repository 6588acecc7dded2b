using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

public sealed class DistributionWebhookTests
{
    private const string FixtureDigest = "sha256:fea8895f450959fa676bcc1df0611ea93823a735a01205fd8622846041d0c7cf";
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    [Fact]
    public async Task Post_PushFixture_RegistersTheManifestAndIgnoresLayers()
    {
        await using var server = await WebhookServer.StartAsync();
        var token = await server.TokenAsync("registry-notifier", "ci");

        using var response = await server.DistributionAsync(WebhookRequests.Fixture("registry-notifications", "distribution-envelope-push-manifest-and-layers.json"), token);

        (await response.ShouldBeReportAsync()).ShouldBe((1, 2, Array.Empty<int>()));
        var image = await server.Admin.GetJsonAsync($"/api/v1/images/{FixtureDigest}");
        (image.Str("repository"), image.Str("state")).ShouldBe(("registrycluster.local/library/test", "Building"));
        image.GetProperty("attributes").Str("source").ShouldBe("distribution");
        var history = (await server.Admin.GetJsonAsync($"/api/v1/images/{FixtureDigest}/history")).Items();
        history.ShouldHaveSingleItem().Str("actor").ShouldBe("registry-notifier");
    }

    [Fact]
    public async Task Post_PullFixture_IgnoresItAndWritesNothing()
    {
        await using var server = await WebhookServer.StartAsync();
        var token = await server.TokenAsync("registry-notifier", "ci");
        var before = await server.Store.CountRowsAsync();

        using var response = await server.DistributionAsync(WebhookRequests.Fixture("registry-notifications", "distribution-envelope-pull-hello-world.json"), token);

        (await response.ShouldBeReportAsync()).ShouldBe((0, 1, Array.Empty<int>()));
        (await server.Store.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_TwoTagPushes_RegistersBothAndRecordsTheMove()
    {
        await using var server = await WebhookServer.StartAsync();
        var token = await server.TokenAsync("registry-notifier", "ci");
        var (first, second) = (TestDigests.New(), TestDigests.New());

        (await (await server.DistributionAsync(Envelope(Push(first, "latest")), token)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));
        (await (await server.DistributionAsync(Envelope(Push(second, "latest")), token)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));

        var moves = (await server.Admin.GetJsonAsync("/api/v1/tags/history?repository=127.0.0.1:5000/team/app&tag=latest")).Items();
        moves.Select(m => (m.GetProperty("fromDigest").GetString(), m.Str("toDigest"), m.Str("actor")))
            .ShouldBe([(null, first, "registry-notifier"), (first, second, "registry-notifier")]);
    }

    [Fact]
    public async Task Post_Redelivery_ChangesNothing()
    {
        await using var server = await WebhookServer.StartAsync();
        var token = await server.TokenAsync("registry-notifier", "ci");
        var body = Envelope(Push(TestDigests.New(), "v1"), Push(TestDigests.New(), "latest"));
        (await (await server.DistributionAsync(body, token)).ShouldBeReportAsync()).ShouldBe((2, 0, Array.Empty<int>()));
        var after = await server.Store.CountRowsAsync();

        (await (await server.DistributionAsync(body, token)).ShouldBeReportAsync()).ShouldBe((2, 0, Array.Empty<int>()));

        (await server.Store.CountRowsAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task Post_MalformedEvents_ReportsEachAndProcessesTheRest()
    {
        await using var server = await WebhookServer.StartAsync();
        var token = await server.TokenAsync("registry-notifier", "ci");
        var good = TestDigests.New();
        var body = Envelope(
            "\"not an event\"",
            Push(good, "latest"),
            Push("sha256:abc", "latest"),
            """{"action":"push","target":{"digest":"sha256:00","repository":"team/app"},"request":{"host":"r.local"}}""",
            """{"action":"push","target":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:00","repository":"team/app"}}""",
            Push(TestDigests.New(), null, repository: "Team App"),
            """{"action":"pull","target":{}}""");

        using var response = await server.DistributionAsync(body, token);

        var report = await response.ShouldBeJsonAsync(200);
        (report.GetProperty("processed").GetInt32(), report.GetProperty("ignored").GetInt32()).ShouldBe((1, 1));
        report.Items("failed").Select(f => f.GetProperty("index").GetInt32()).ShouldBe([0, 2, 3, 4, 5]);
        WebhookRequests.Errors(report).ShouldBe(
        [
            "the event is not an object with an 'action'",
            "'digest' must be sha256: followed by 64 lowercase hex digits",
            "'target.mediaType' is required",
            "'request.host' is required",
            "'repository' is not a valid repository name (lowercase path components, optionally after a registry host)",
        ]);
        (await server.Admin.GetJsonAsync($"/api/v1/images/{good}")).Str("state").ShouldBe("Building");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"events\": {}}")]
    public async Task Post_NotAnEnvelope_Returns400AndWritesNothing(string body)
    {
        await using var server = await WebhookServer.StartAsync();
        var token = await server.TokenAsync("registry-notifier", "ci");
        var before = await server.Store.CountRowsAsync();

        using var response = await server.DistributionAsync(body, token);

        await response.ShouldBeProblemAsync(400, "events");
        (await server.Store.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_WithoutCiToken_Returns401Or403AndWritesNothing()
    {
        await using var server = await WebhookServer.StartAsync();
        var reader = await server.TokenAsync("reader-bot", "reader");
        var before = await server.Store.CountRowsAsync();
        var body = Envelope(Push(TestDigests.New(), "latest"));

        using (var anonymous = await server.DistributionAsync(body, null))
        {
            await anonymous.ShouldBeProblemAsync(401);
        }

        using (var wrong = await server.DistributionAsync(body, "not-a-token"))
        {
            await wrong.ShouldBeProblemAsync(401);
        }

        using (var forbidden = await server.DistributionAsync(body, reader))
        {
            await forbidden.ShouldBeProblemAsync(403);
        }

        (await server.Store.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_ScopedTokenOutsideItsRepositories_ReportsTheEventAndWritesNothing()
    {
        await using var server = await WebhookServer.StartAsync();
        var created = await server.Admin.PostJsonAsync("/api/v1/tokens", new { name = "team-notifier", roles = new[] { "ci" }, repositories = new[] { "127.0.0.1:5000/team/*" } }, 201);
        var before = await server.Store.CountRowsAsync();

        using var response = await server.DistributionAsync(Envelope(Push(TestDigests.New(), "latest", repository: "other/app")), created.Str("secret"));

        var report = await response.ShouldBeJsonAsync(200);
        WebhookRequests.Errors(report).ShouldBe(["the token may not act on repository 127.0.0.1:5000/other/app"]);
        (await server.Store.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_Oversize_Returns413()
    {
        await using var server = await WebhookServer.StartAsync();
        var token = await server.TokenAsync("registry-notifier", "ci");

        using var response = await server.DistributionAsync("{\"events\":[" + new string(' ', 1024 * 1024) + "]}", token);

        await response.ShouldBeProblemAsync(413);
    }

    [Fact]
    public async Task Post_ConfiguredHost_OverridesTheEventHost()
    {
        await using var server = await WebhookServer.StartAsync(distributionHost: "registry.example.com");
        var token = await server.TokenAsync("registry-notifier", "ci");
        var digest = TestDigests.New();

        (await (await server.DistributionAsync(Envelope(Push(digest, "latest")), token)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));

        (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}")).Str("repository").ShouldBe("registry.example.com/team/app");
    }

    internal static string Envelope(params string[] events) => "{\"events\":[" + string.Join(',', events) + "]}";

    internal static string Push(string digest, string? tag, string host = "127.0.0.1:5000", string repository = "team/app") =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            id = Guid.NewGuid().ToString(),
            action = "push",
            target = new { mediaType = ManifestType, digest, size = 100, repository, tag },
            request = new { host, method = "PUT" },
        });
}
