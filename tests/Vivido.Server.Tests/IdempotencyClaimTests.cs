using Vivido.Core.Storage;
using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

/// <summary>The Idempotency-Key claim in the store: a key held by a running request, a failed request giving its key back, an abandoned claim.</summary>
public sealed class IdempotencyClaimTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string AdminName = "admin";

    private ServerHarness Server => fixture.Server;

    [Fact]
    public async Task Post_KeyHeldByARunningRequest_Answers409InProgressWithRetryAfterThenRunsOnceReleased()
    {
        var body = new { repository = TestDigests.NewRepository(), digest = TestDigests.New() };
        var fingerprint = await FingerprintOfAsync("/api/v1/images", body);
        var key = "held-" + Guid.NewGuid().ToString("N");
        (await Server.Store.ClaimIdempotencyKeyAsync(AdminName, key, fingerprint, Server.Time.GetUtcNow(), TimeSpan.FromMinutes(5))).Outcome.ShouldBe(IdempotencyOutcome.Claimed);

        using var busy = await Server.Admin.PostAsync("/api/v1/images", body, Key(key));

        var problem = await busy.ShouldBeProblemAsync(409);
        problem.Str("type").ShouldBe("urn:vivido:problem:idempotency-key-in-progress");
        problem.Str("field").ShouldBe("Idempotency-Key");
        busy.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(1));

        await Server.Store.ReleaseIdempotencyKeyAsync(AdminName, key);
        using var released = await Server.Admin.PostAsync("/api/v1/images", body, Key(key));
        await released.ShouldBeJsonAsync(200);
        released.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    [Fact]
    public async Task Post_KeyHeldForADifferentRequest_Answers422Reused()
    {
        var key = "other-" + Guid.NewGuid().ToString("N");
        await Server.Store.ClaimIdempotencyKeyAsync(AdminName, key, new string('0', 64), Server.Time.GetUtcNow(), TimeSpan.FromMinutes(5));

        using var response = await Server.Admin.PostAsync("/api/v1/images", new { repository = TestDigests.NewRepository(), digest = TestDigests.New() }, Key(key));

        (await response.ShouldBeProblemAsync(422)).Str("type").ShouldBe("urn:vivido:problem:idempotency-key-reused");
    }

    [Fact]
    public async Task Post_ClaimOlderThanFiveMinutes_IsTakenOverAndRuns()
    {
        var body = new { repository = TestDigests.NewRepository(), digest = TestDigests.New() };
        var key = "abandoned-" + Guid.NewGuid().ToString("N");
        var fingerprint = await FingerprintOfAsync("/api/v1/images", body);
        await Server.Store.ClaimIdempotencyKeyAsync(AdminName, key, fingerprint, Server.Time.GetUtcNow() - TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(5));

        using var response = await Server.Admin.PostAsync("/api/v1/images", body, Key(key));

        (await response.ShouldBeJsonAsync(200)).Str("digest").ShouldBe(body.digest);
    }

    [Fact]
    public async Task Fire_RefusedThenRetriedWithTheSameKey_RunsAgainAndIsThenReplayed()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        var headers = Key("refused-then-ok-" + Guid.NewGuid().ToString("N"));

        using var refused = await Server.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_passed" }, headers);
        await refused.ShouldBeProblemAsync(422);
        await Server.AttachScanAsync(digest);
        using var accepted = await Server.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_passed" }, headers);
        var acceptedBody = await accepted.ShouldBeJsonAsync(200);
        using var replayed = await Server.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "scan_passed" }, headers);

        acceptedBody.GetProperty("image").Str("state").ShouldBe("Scanned");
        replayed.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await replayed.Content.ReadAsStringAsync()).ShouldBe(acceptedBody.GetRawText());
        var history = (await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items();
        history.Select(e => e.Str("kind")).ShouldBe(["accepted", "rejected", "accepted"]);
    }

    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    /// <summary>The request fingerprint the server stores for <paramref name="body"/>, learnt from a completed request with a throwaway key.</summary>
    private async Task<string> FingerprintOfAsync(string path, object body)
    {
        var probe = "probe-" + Guid.NewGuid().ToString("N");
        using var response = await Server.Admin.PostAsync(path, body, Key(probe));
        ((int)response.StatusCode).ShouldBeInRange(200, 299);
        return (await Server.Store.FindIdempotentResultAsync(AdminName, probe))!.RequestHash;
    }
}
