using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

public sealed class EventsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerHarness Server => fixture.Server;

    [Fact]
    public async Task Fire_AcceptedEvent_Returns200WithImageAndTransition()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        await Server.AttachScanAsync(digest);

        using var response = await Server.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_passed", reason = "clean" });
        var result = await response.ShouldBeJsonAsync(200);

        result.GetProperty("image").Str("state").ShouldBe("Scanned");
        result.GetProperty("image").Long("version").ShouldBe(2);
        var transition = result.GetProperty("transition");
        transition.Str("from").ShouldBe("Building");
        transition.Str("to").ShouldBe("Scanned");
        transition.Str("event").ShouldBe("scan_passed");
        transition.Str("kind").ShouldBe("accepted");
        transition.Str("reason").ShouldBe("clean");
        transition.Str("actor").ShouldBe("admin");
        response.Headers.ETag!.Tag.ShouldBe("\"2\"");
    }

    [Fact]
    public async Task Fire_UnmetGuards_Returns422NamingEachAndRecordsRejection()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        await Server.AttachScanAsync(digest, critical: 2, score: 4.0);

        using var response = await Server.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_passed" });
        var problem = await response.ShouldBeProblemAsync(422);

        problem.Str("type").ShouldBe("urn:vivido:problem:guards-unmet");
        problem.Items("unmetGuards").Select(g => g.Str("name")).ShouldBe(["no-critical-findings", "scan-score"]);
        problem.Items("unmetGuards")[0].Str("message").ShouldBe("the scan reports critical findings");
        var history = (await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items();
        history[^1].Str("kind").ShouldBe("rejected");
        history[^1].Str("event").ShouldBe("scan_passed");
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}")).Str("state").ShouldBe("Building");
    }

    [Fact]
    public async Task Fire_EventNotAllowedInState_Returns422ListingAllowedEventsAndRecordsRejection()
    {
        var digest = await Server.RegisterAsync("team-a/api");

        using var response = await Server.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "promote" });
        var problem = await response.ShouldBeProblemAsync(422);

        problem.Str("type").ShouldBe("urn:vivido:problem:event-not-allowed");
        problem.Items("allowedEvents").Select(e => e.GetString()).ShouldBe(["scan_passed", "scan_failed", "expire", "quarantine"], ignoreOrder: true);
        var history = (await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items();
        history[^1].Str("kind").ShouldBe("rejected");
    }

    [Fact]
    public async Task Fire_UnknownEvent_Returns400AndWritesNothing()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        var before = await Server.CountsAsync();

        using var response = await Server.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "teleport" });

        (await response.ShouldBeProblemAsync(400, "event")).Str("detail").ShouldContain("scan_passed");
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Fire_UnknownDigest_Returns404()
    {
        using var response = await Server.Admin.PostAsync($"/api/v1/images/{TestDigests.New()}/events", new { @event = "scan_failed" });
        await response.ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Fire_ToParamNotATarget_Returns422TargetGuard()
    {
        var digest = await Server.RegisterAsync("team-a/api");

        using var response = await Server.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "expire", @params = new { to = "Active" } });

        (await response.ShouldBeProblemAsync(422)).Items("unmetGuards").Select(g => g.Str("name")).ShouldBe(["target"]);
    }

    [Fact]
    public async Task Fire_IfMatchCurrentVersion_Commits()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        var headers = new Dictionary<string, string> { ["If-Match"] = "\"1\"" };

        var result = await Server.Admin.PostJsonAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" }, 200, headers);

        result.GetProperty("image").Long("version").ShouldBe(2);
    }

    [Fact]
    public async Task Fire_IfMatchStaleVersion_Returns409AndWritesNothing()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        var before = await Server.CountsAsync();

        using var response = await Server.Admin.PostAsync(
            $"/api/v1/images/{digest}/events", new { @event = "scan_failed" }, new Dictionary<string, string> { ["If-Match"] = "7" });

        var problem = await response.ShouldBeProblemAsync(409);
        problem.Str("type").ShouldBe("urn:vivido:problem:version-conflict");
        problem.Long("currentVersion").ShouldBe(1);
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Fire_MalformedIfMatch_Returns400()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        using var response = await Server.Admin.PostAsync(
            $"/api/v1/images/{digest}/events", new { @event = "scan_failed" }, new Dictionary<string, string> { ["If-Match"] = "latest" });
        await response.ShouldBeProblemAsync(400, "If-Match");
    }

    [Fact]
    public async Task Fire_SameIdempotencyKeyTwice_ReplaysFirstResponseAndFiresOnce()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "retry-1" };

        using var first = await Server.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" }, headers);
        var firstBody = await first.Content.ReadAsStringAsync();
        using var second = await Server.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" }, headers);
        var secondBody = await second.Content.ReadAsStringAsync();

        ((int)first.StatusCode).ShouldBe(200);
        ((int)second.StatusCode).ShouldBe(200);
        secondBody.ShouldBe(firstBody);
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        var history = (await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items();
        history.Count(e => e.Str("event") == "scan_failed").ShouldBe(1);
    }

    [Fact]
    public async Task Fire_IdempotencyKeyReusedForOtherRequest_Returns422()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "reused" };
        await Server.Admin.PostJsonAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" }, 200, headers);

        using var response = await Server.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "quarantine" }, headers);

        (await response.ShouldBeProblemAsync(422)).Str("type").ShouldBe("urn:vivido:problem:idempotency-key-reused");
    }

    [Fact]
    public async Task Fire_SameIdempotencyKeyOtherToken_IsNotReplayed()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        var other = await Server.TokenAsync("ci-" + Guid.NewGuid().ToString("N")[..8], ["ci"]);
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "shared-key" };
        await Server.Admin.PostJsonAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" }, 200, headers);

        using var response = await other.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_failed" }, headers);

        (await response.ShouldBeProblemAsync(422)).Str("type").ShouldBe("urn:vivido:problem:event-not-allowed");
    }
}
