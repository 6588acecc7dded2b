using System.Text.Json.Nodes;
using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

public sealed class GitHubWebhookTests
{
    private const string FixtureDigest = "sha256:3da1996a8115d7616457760d9920b815241d0a03b34cf5f04e9a0e9d8de37498";

    [Fact]
    public async Task Post_PublishedFixture_RegistersTheGhcrImageOnce()
    {
        await using var server = await WebhookServer.StartAsync();
        var body = Fixture();

        (await (await server.GitHubAsync(body)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));
        var after = await server.Store.CountRowsAsync();
        (await (await server.GitHubAsync(body)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));

        (await server.Store.CountRowsAsync()).ShouldBe(after);
        var image = await server.Admin.GetJsonAsync($"/api/v1/images/{FixtureDigest}");
        (image.Str("repository"), image.Str("state")).ShouldBe(("ghcr.io/codertocat/hello-world-npm", "Building"));
        image.Items("tags").ShouldBeEmpty();
        (await server.Admin.GetJsonAsync($"/api/v1/images/{FixtureDigest}/history")).Items().ShouldHaveSingleItem().Str("actor").ShouldBe("webhook:github");
    }

    [Fact]
    public async Task Post_PublishedWithTag_PointsTheTag()
    {
        await using var server = await WebhookServer.StartAsync();
        var payload = JsonNode.Parse(Fixture())!;
        payload["registry_package"]!["package_version"]!["container_metadata"]!["tag"]!["name"] = "v1.2.3";
        var body = payload.ToJsonString();

        (await (await server.GitHubAsync(body)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));

        (await server.Admin.GetJsonAsync($"/api/v1/images/{FixtureDigest}")).Items("tags").Select(t => t.GetString()).ShouldBe(["v1.2.3"]);
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=abc")]
    [InlineData("")]
    public async Task Post_BadSignature_Returns401AndWritesNothing(string signature)
    {
        await using var server = await WebhookServer.StartAsync();
        var before = await server.Store.CountRowsAsync();

        using var response = await server.GitHubAsync(Fixture(), signature: signature);

        await response.ShouldBeProblemAsync(401);
        (await server.Store.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_SignedWithAnotherSecret_Returns401()
    {
        await using var server = await WebhookServer.StartAsync();
        var body = Fixture();

        using var response = await server.GitHubAsync(body, signature: WebhookRequests.Sign(body, "another-secret"));

        await response.ShouldBeProblemAsync(401);
    }

    [Theory]
    [InlineData("ping", "published")]
    [InlineData("registry_package", "updated")]
    public async Task Post_OtherEventOrAction_IsIgnored(string eventName, string action)
    {
        await using var server = await WebhookServer.StartAsync();
        var before = await server.Store.CountRowsAsync();
        var payload = JsonNode.Parse(Fixture())!;
        payload["action"] = action;
        var body = payload.ToJsonString();

        (await (await server.GitHubAsync(body, eventName)).ShouldBeReportAsync()).ShouldBe((0, 1, Array.Empty<int>()));

        (await server.Store.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_Oversize_Returns413()
    {
        await using var server = await WebhookServer.StartAsync();

        using var response = await server.GitHubAsync("{" + new string(' ', 1024 * 1024) + "}");

        await response.ShouldBeProblemAsync(413);
    }

    [Fact]
    public async Task Post_ReceiverOff_Returns404()
    {
        await using var server = await WebhookServer.StartAsync(secrets: false);

        using var response = await server.GitHubAsync(Fixture());

        (await response.ShouldBeProblemAsync(404)).Str("detail").ShouldContain("--github-secret-file");
    }

    private static string Fixture() => WebhookRequests.Fixture("ci", "github-registry-package-published-docker.json");
}
