using Vivido.Server.Tests.Support;
using Vivido.Testing;

namespace Vivido.Server.Tests;

public sealed class OverridesApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerHarness Server => fixture.Server;

    [Fact]
    public async Task Override_OneConfirmation_CommitsAsKindOverride()
    {
        var digest = await Server.RegisterAsync("team-a/api");

        var result = await Server.Admin.PostJsonAsync($"/api/v1/images/{digest}/override", new { to = "Active", reason = "emergency fix" });

        result.GetProperty("image").Str("state").ShouldBe("Active");
        var entry = result.GetProperty("transition");
        entry.Str("kind").ShouldBe("override");
        entry.Str("event").ShouldBe("override");
        entry.Str("from").ShouldBe("Building");
        entry.Str("reason").ShouldBe("emergency fix");
    }

    [Fact]
    public async Task Override_OutOfTerminalState_IsAllowedForAdmins()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        await Server.FireAsync(digest, "scan_failed");

        var result = await Server.Admin.PostJsonAsync($"/api/v1/images/{digest}/override", new { to = "Building", reason = "scanner bug" });

        result.GetProperty("image").Str("state").ShouldBe("Building");
    }

    [Theory]
    [InlineData("""{"to":"Nowhere","reason":"x"}""", "to")]
    [InlineData("""{"reason":"x"}""", "to")]
    [InlineData("""{"to":"Active"}""", "reason")]
    [InlineData("""{"to":"Active","reason":""}""", "reason")]
    public async Task Override_BadInput_Returns400AndWritesNothing(string body, string field)
    {
        var digest = await Server.RegisterAsync("team-a/api");
        var before = await Server.CountsAsync();
        using var response = await Server.Admin.PostAsync($"/api/v1/images/{digest}/override", body);
        await response.ShouldBeProblemAsync(400, field);
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Override_ToCurrentState_Returns409()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        using var response = await Server.Admin.PostAsync($"/api/v1/images/{digest}/override", new { to = "Building", reason = "x" });
        await response.ShouldBeProblemAsync(409);
    }

    [Fact]
    public async Task Override_NonAdmin_Returns403()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        var deployer = await Server.TokenAsync("deployer-" + Guid.NewGuid().ToString("N")[..6], ["deployer", "approver"]);
        using var response = await deployer.PostAsync($"/api/v1/images/{digest}/override", new { to = "Active", reason = "x" });
        (await response.ShouldBeProblemAsync(403)).Str("detail").ShouldContain("admin");
    }

    [Fact]
    public async Task Override_TwoConfirmations_FirstIsPendingSecondAdminConfirms()
    {
        await using var server = await ServerHarness.StartAsync(TwoAdminLifecycle());
        var digest = await server.RegisterAsync("team-a/api");
        var second = await server.TokenAsync("bob", ["admin"]);

        var pending = await server.Admin.PostJsonAsync($"/api/v1/images/{digest}/override", new { to = "Active", reason = "incident 42" }, 202);
        pending.Str("status").ShouldBe("pending");
        pending.Str("requestedBy").ShouldBe("admin");
        (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}")).Str("state").ShouldBe("Building");
        (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}/override")).Items().ShouldHaveSingleItem();

        using (var self = await server.Admin.PostAsync($"/api/v1/images/{digest}/override", new { to = "Active", reason = "again" }))
        {
            (await self.ShouldBeProblemAsync(409)).Str("detail").ShouldContain("different admin");
        }

        using (var otherTarget = await second.PostAsync($"/api/v1/images/{digest}/override", new { to = "Retired", reason = "no" }))
        {
            await otherTarget.ShouldBeProblemAsync(409);
        }

        var confirmed = await second.PostJsonAsync($"/api/v1/images/{digest}/override", new { to = "Active", reason = "agreed" });
        confirmed.GetProperty("image").Str("state").ShouldBe("Active");
        confirmed.GetProperty("transition").Str("kind").ShouldBe("override");
        confirmed.GetProperty("transition").Str("actor").ShouldBe("bob");
        confirmed.GetProperty("transition").Str("detail").ShouldContain("requested by admin");
        (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}/override")).Items().ShouldBeEmpty();
    }

    [Fact]
    public async Task Override_TwoConfirmations_SecondAdminRejects()
    {
        await using var server = await ServerHarness.StartAsync(TwoAdminLifecycle());
        var digest = await server.RegisterAsync("team-a/api");
        var second = await server.TokenAsync("carol", ["admin"]);
        await server.Admin.PostJsonAsync($"/api/v1/images/{digest}/override", new { to = "Active", reason = "incident" }, 202);

        var rejected = await second.PostJsonAsync($"/api/v1/images/{digest}/override/reject", new { reason = "not justified" });

        rejected.Str("status").ShouldBe("rejected");
        rejected.Str("resolvedBy").ShouldBe("carol");
        (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}")).Str("state").ShouldBe("Building");
        var history = (await server.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items();
        history[^1].Str("kind").ShouldBe("rejected");
        history[^1].Str("event").ShouldBe("override");
        using var nothing = await second.PostAsync($"/api/v1/images/{digest}/override/reject", new { reason = "again" });
        await nothing.ShouldBeProblemAsync(404);
    }

    internal static string TwoAdminLifecycle()
    {
        var yaml = File.ReadAllText(TestPaths.InRepo("lifecycles", "default.yaml"));
        yaml.ShouldContain("overrides: { confirmations: 1 }");
        return yaml.Replace("overrides: { confirmations: 1 }", "overrides: { confirmations: 2 }", StringComparison.Ordinal);
    }
}
