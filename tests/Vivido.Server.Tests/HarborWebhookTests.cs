using System.Text.Json.Nodes;
using Vivido.Core.Images;
using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

public sealed class HarborWebhookTests
{
    private const string PushDigest = "sha256:d72f37f783ed6a8d58ac70b4db052707d1ec9d4ea010ef5ccd84652faf9ed844";
    private const string DeleteDigest = "sha256:59856107563b1e1b2e48c8635e5cb44fa9b194f6a425e0b668917602213bb5b4";
    private const string HighDigest = "sha256:b50334049354ed01330403212605dce2f4676a4e787ed113506861d9cf3c5424";

    [Fact]
    public async Task Post_PushArtifactFixture_RegistersWithTagAndRedeliveryChangesNothing()
    {
        await using var server = await WebhookServer.StartAsync();
        var body = Fixture("harbor-push-artifact.json");

        (await (await server.HarborAsync(body)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));
        var after = await server.Store.CountRowsAsync();
        (await (await server.HarborAsync(body)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));

        (await server.Store.CountRowsAsync()).ShouldBe(after);
        var image = await server.Admin.GetJsonAsync($"/api/v1/images/{PushDigest}");
        (image.Str("repository"), image.Str("state")).ShouldBe(("harbor.example.com/example/test", "Building"));
        image.Items("tags").Select(t => t.GetString()).ShouldBe(["latest"]);
        (await server.Admin.GetJsonAsync($"/api/v1/images/{PushDigest}/history")).Items().ShouldHaveSingleItem().Str("actor").ShouldBe("webhook:harbor");
    }

    [Fact]
    public async Task Post_ScanningCompletedHigh_AttachesCountsOnceWithTheRawDocument()
    {
        await using var server = await WebhookServer.StartAsync();
        var body = Fixture("harbor-scanning-completed-high.json");

        (await (await server.HarborAsync(body)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));
        (await (await server.HarborAsync(body)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));

        var evidence = (await server.Store.ListEvidenceAsync(HighDigest, EvidenceKind.Scan)).ShouldHaveSingleItem();
        var scan = evidence.Fact.ShouldBeOfType<ScanFact>();
        (scan.Scanner, scan.Critical, scan.High, scan.Medium, scan.Low, scan.Unknown, scan.Score).ShouldBe(("Trivy v0.20.1", 0, 4, 0, 0, 1, 5.9));
        scan.Cves.ShouldBeEmpty();
        scan.At.ShouldBe(new DateTimeOffset(2022, 3, 31, 8, 32, 56, TimeSpan.Zero));
        (evidence.MediaType, evidence.Actor).ShouldBe(("application/json", "webhook:harbor"));
        System.Text.Encoding.UTF8.GetString((await server.Store.ReadRawEvidenceAsync(evidence.Id)).ShouldNotBeNull().Content).ShouldBe(body);
        (await server.Admin.GetJsonAsync($"/api/v1/images/{HighDigest}")).Str("repository").ShouldBe("harbor.xxx.xxxx.com/test/alpine/helm");
    }

    [Fact]
    public async Task Post_ScanningCompletedWithACritical_QuarantinesTheImage()
    {
        await using var server = await WebhookServer.StartAsync();
        var body = Fixture("harbor-scanning-completed-high.json").Replace("\"High\": 4", "\"Critical\": 1, \"High\": 4", StringComparison.Ordinal);

        (await (await server.HarborAsync(body)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));

        var image = await server.Admin.GetJsonAsync($"/api/v1/images/{HighDigest}");
        image.Str("state").ShouldBe("Quarantined");
        var last = (await server.Admin.GetJsonAsync($"/api/v1/images/{HighDigest}/history")).Items()[^1];
        (last.Str("event"), last.Str("actor"), last.Str("reason")).ShouldBe(("quarantine", "webhook:harbor", "scan by Trivy v0.20.1 found 1 critical finding(s)"));
        (await server.Store.ListEvidenceAsync(HighDigest, EvidenceKind.Scan)).ShouldHaveSingleItem().Fact.ShouldBeOfType<ScanFact>().Score.ShouldBe(0);
    }

    [Fact]
    public async Task Post_ScanningCompletedNoVulns_AttachesACleanScan()
    {
        await using var server = await WebhookServer.StartAsync();

        (await (await server.HarborAsync(Fixture("harbor-scanning-completed-no-vulns.json"))).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));

        var scan = (await server.Store.ListEvidenceAsync(DeleteDigest, EvidenceKind.Scan)).ShouldHaveSingleItem().Fact.ShouldBeOfType<ScanFact>();
        (scan.Scanner, scan.Critical, scan.High, scan.Medium, scan.Low, scan.Unknown, scan.Score).ShouldBe(("Trivy v0.24.2", 0, 0, 0, 0, 0, 10.0));
    }

    [Fact]
    public async Task Post_ScanThatDidNotSucceed_IsIgnored()
    {
        await using var server = await WebhookServer.StartAsync();
        var payload = JsonNode.Parse(Fixture("harbor-scanning-completed-high.json"))!;
        payload["event_data"]!["resources"]![0]!["scan_overview"]!["application/vnd.security.vulnerability.report; version=1.1"]!["scan_status"] = "Error";
        var before = await server.Store.CountRowsAsync();

        (await (await server.HarborAsync(payload.ToJsonString())).ShouldBeReportAsync()).ShouldBe((0, 1, Array.Empty<int>()));

        (await server.Store.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_DeleteArtifactFixture_RecordsTheDeletionOnceAndKeepsTheImage()
    {
        await using var server = await WebhookServer.StartAsync();
        await server.Admin.PostJsonAsync("/api/v1/images", new { repository = "harbor.example.com/example/test", digest = DeleteDigest, tags = new[] { "latest" } }, 201);
        var body = Fixture("harbor-delete-artifact.json");

        (await (await server.HarborAsync(body)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));
        var after = await server.Store.CountRowsAsync();
        (await (await server.HarborAsync(body)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));

        (await server.Store.CountRowsAsync()).ShouldBe(after);
        var history = (await server.Admin.GetJsonAsync($"/api/v1/images/{DeleteDigest}/history")).Items();
        var deletion = history[^1];
        (deletion.Str("event"), deletion.Str("from"), deletion.Str("to"), deletion.Str("actor"), deletion.Str("reason"))
            .ShouldBe((WebhookService.DeletedEvent, "Building", "Building", "webhook:harbor", "deleted from Harbor by admin (tag latest)"));
        (await server.Admin.GetJsonAsync($"/api/v1/images/{DeleteDigest}")).Str("state").ShouldBe("Building");
    }

    [Fact]
    public async Task Post_DeleteOfUnknownDigest_IsIgnored()
    {
        await using var server = await WebhookServer.StartAsync();
        var before = await server.Store.CountRowsAsync();

        (await (await server.HarborAsync(Fixture("harbor-delete-artifact.json"))).ShouldBeReportAsync()).ShouldBe((0, 1, Array.Empty<int>()));

        (await server.Store.CountRowsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("harbor-shared-secret-12")]
    [InlineData("Bearer harbor-shared-secret-123")]
    public async Task Post_WrongSecret_Returns401AndWritesNothing(string? authorization)
    {
        await using var server = await WebhookServer.StartAsync();
        var before = await server.Store.CountRowsAsync();

        using var response = await server.HarborAsync(Fixture("harbor-push-artifact.json"), authorization);

        await response.ShouldBeProblemAsync(401);
        (await server.Store.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_ReceiverOff_Returns404()
    {
        await using var server = await WebhookServer.StartAsync(secrets: false);

        using var response = await server.HarborAsync(Fixture("harbor-push-artifact.json"));

        (await response.ShouldBeProblemAsync(404)).Str("detail").ShouldContain("--harbor-secret-file");
    }

    [Fact]
    public async Task Post_Oversize_Returns413()
    {
        await using var server = await WebhookServer.StartAsync();

        using var response = await server.HarborAsync("{\"type\":\"PUSH_ARTIFACT\"," + new string(' ', 1024 * 1024) + "}");

        await response.ShouldBeProblemAsync(413);
    }

    [Theory]
    [InlineData("[]", 400)]
    [InlineData("{\"event_data\":{}}", 400)]
    [InlineData("{\"type\":\"PULL_ARTIFACT\",\"event_data\":{\"resources\":[]}}", 200)]
    public async Task Post_NotAKnownPayload_IsRefusedOrIgnored(string body, int status)
    {
        await using var server = await WebhookServer.StartAsync();
        var before = await server.Store.CountRowsAsync();

        using var response = await server.HarborAsync(body);

        if (status == 400)
        {
            await response.ShouldBeProblemAsync(400, "type");
        }
        else
        {
            (await response.ShouldBeReportAsync()).ShouldBe((0, 1, Array.Empty<int>()));
        }

        (await server.Store.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Post_MalformedResource_ReportsItAndProcessesTheRest()
    {
        await using var server = await WebhookServer.StartAsync();
        var good = TestDigests.New();
        var body = $$"""
            {"type":"PUSH_ARTIFACT","occur_at":1,"operator":"admin","event_data":{"resources":[
              {"digest":"sha256:bad","tag":"latest","resource_url":"harbor.example.com/p/r:latest"},
              {"digest":"{{good}}","tag":"v1","resource_url":"harbor.example.com/p/r:v1"},
              {"digest":"{{good}}","tag":"v1","resource_url":"no-host"}
            ] } }
            """;

        var report = await (await server.HarborAsync(body)).ShouldBeJsonAsync(200);

        report.GetProperty("processed").GetInt32().ShouldBe(1);
        report.Items("failed").Select(f => (f.GetProperty("index").GetInt32(), f.Str("error"))).ShouldBe(
        [
            (0, "'digest' must be sha256: followed by 64 lowercase hex digits"),
            (2, "'resource_url' must be HOST/PROJECT/REPOSITORY[:TAG]"),
        ]);
        (await server.Admin.GetJsonAsync($"/api/v1/images/{good}")).Str("repository").ShouldBe("harbor.example.com/p/r");
    }

    private static string Fixture(string name) => WebhookRequests.Fixture("harbor-webhooks", name);
}
