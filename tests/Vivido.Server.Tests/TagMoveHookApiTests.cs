using Vivido.Server.Tests.Support;
using Vivido.Testing;

namespace Vivido.Server.Tests;

public sealed class TagMoveHookApiTests
{
    [Fact]
    public async Task PutTag_LatestLeavesActiveDigest_DeprecatesIt()
    {
        await using var server = await ServerHarness.StartAsync(TestLifecycleFiles.TagMoveHooks);
        var repository = TestDigests.NewRepository();
        var previous = await server.RegisterAsync(repository);
        var next = await server.RegisterAsync(repository);
        (await server.FireAsync(previous, "activate")).Status.ShouldBe(200);
        await server.Admin.PutAsync("/api/v1/tags", new { repository, tag = "latest", digest = previous });

        using var moved = await server.Admin.PutAsync("/api/v1/tags", new { repository, tag = "latest", digest = next });

        (await moved.ShouldBeJsonAsync(200)).Str("fromDigest").ShouldBe(previous);
        (await server.Admin.GetJsonAsync($"/api/v1/images/{previous}")).Str("state").ShouldBe("Deprecated");
        var entry = (await server.Admin.GetJsonAsync($"/api/v1/images/{previous}/history")).Items()[^1];
        (entry.Str("event"), entry.Str("kind"), entry.Str("actor")).ShouldBe(("deprecate_previous", "accepted", "admin"));
    }

    [Fact]
    public async Task PutTag_GuardUnmet_MovesTheTagAndRecordsTheRefusal()
    {
        await using var server = await ServerHarness.StartAsync(TestLifecycleFiles.TagMoveHooks);
        var repository = TestDigests.NewRepository();
        var pinned = TestDigests.New();
        await server.Admin.PostJsonAsync("/api/v1/images", new { repository, digest = pinned, attributes = new { pinned = "yes" } }, 201);
        var next = await server.RegisterAsync(repository);
        (await server.FireAsync(pinned, "activate")).Status.ShouldBe(200);
        await server.Admin.PutAsync("/api/v1/tags", new { repository, tag = "latest", digest = pinned });

        using var moved = await server.Admin.PutAsync("/api/v1/tags", new { repository, tag = "latest", digest = next });

        (await moved.ShouldBeJsonAsync(200)).Str("toDigest").ShouldBe(next);
        (await server.Admin.GetJsonAsync($"/api/v1/images/{pinned}")).Str("state").ShouldBe("Active");
        var entry = (await server.Admin.GetJsonAsync($"/api/v1/images/{pinned}/history")).Items()[^1];
        (entry.Str("event"), entry.Str("kind")).ShouldBe(("deprecate_previous", "rejected"));
        entry.Str("detail").ShouldContain("not-pinned");
    }

    [Fact]
    public async Task DistributionPush_LatestMovesOffActiveDigest_DeprecatesItOnce()
    {
        await using var server = await WebhookServer.StartAsync(TestLifecycleFiles.TagMoveHooks);
        var token = await server.TokenAsync("registry-notifier", "ci");
        var (previous, next) = (TestDigests.New(), TestDigests.New());
        await (await server.DistributionAsync(DistributionWebhookTests.Envelope(DistributionWebhookTests.Push(previous, "latest")), token)).ShouldBeReportAsync();
        await server.Admin.PostJsonAsync($"/api/v1/images/{previous}/events", new { @event = "activate" });
        var push = DistributionWebhookTests.Envelope(DistributionWebhookTests.Push(next, "latest"));

        (await (await server.DistributionAsync(push, token)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));
        (await (await server.DistributionAsync(push, token)).ShouldBeReportAsync()).ShouldBe((1, 0, Array.Empty<int>()));

        (await server.Admin.GetJsonAsync($"/api/v1/images/{previous}")).Str("state").ShouldBe("Deprecated");
        var history = (await server.Admin.GetJsonAsync($"/api/v1/images/{previous}/history")).Items();
        history.Select(e => (e.Str("event"), e.Str("actor"))).ShouldBe(
            [("register", "registry-notifier"), ("activate", "admin"), ("deprecate_previous", "registry-notifier")]);
    }
}
