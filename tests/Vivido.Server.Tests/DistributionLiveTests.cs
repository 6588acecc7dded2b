using Vivido.Server.Tests.Support;
using Vivido.Testing;

namespace Vivido.Server.Tests;

/// <summary>The real CNCF Distribution registry notifying a running Vivido server of real pushes (umoci + skopeo).</summary>
public sealed class DistributionLiveTests
{
    [Fact]
    public async Task RegistryPushes_TwoPushesOfLatest_RegisterImagesMoveTheTagAndFireTheHook()
    {
        await using var vivido = await WebhookServer.StartAsync(TestLifecycleFiles.TagMoveHooks);
        var token = await vivido.TokenAsync("registry-notifier", "ci");
        await using var registry = await RegistryServer.StartAsync($"{vivido.Url}/webhooks/distribution", token);
        var repository = $"{registry.Host}/team/live";

        var first = await TestImages.PushAsync(registry, "team/live", "latest");
        await Poll.UntilAsync(() => StateAsync(vivido, first), s => s == "Building", $"{first} registered by the push notification");
        await vivido.Admin.PostJsonAsync($"/api/v1/images/{first}/events", new { @event = "activate" });
        var second = await TestImages.PushAsync(registry, "team/live", "latest");

        await Poll.UntilAsync(() => StateAsync(vivido, first), s => s == "Deprecated", $"{first} deprecated when latest moved to {second}");
        var image = await vivido.Admin.GetJsonAsync($"/api/v1/images/{second}");
        (image.Str("repository"), image.Str("state")).ShouldBe((repository, "Building"));
        image.Items("tags").Select(t => t.GetString()).ShouldBe(["latest"]);
        var moves = (await vivido.Admin.GetJsonAsync($"/api/v1/tags/history?repository={repository}&tag=latest")).Items();
        moves.Select(m => (m.GetProperty("fromDigest").GetString(), m.Str("toDigest"), m.Str("actor")))
            .ShouldBe([(null, first, "registry-notifier"), (first, second, "registry-notifier")]);
    }

    private static async Task<string?> StateAsync(WebhookServer vivido, string digest)
    {
        using var response = await vivido.Admin.GetAsync($"/api/v1/images/{digest}");
        return response.IsSuccessStatusCode ? (await response.ShouldBeJsonAsync(200)).Str("state") : null;
    }
}
