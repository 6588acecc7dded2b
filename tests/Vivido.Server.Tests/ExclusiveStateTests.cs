using Vivido.Core.Storage;
using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

/// <summary>The default lifecycle's Active is exclusive: one Active digest per repository, enforced by the database.</summary>
public sealed class ExclusiveStateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerHarness Server => fixture.Server;

    [Fact]
    public async Task Adopt_IntoActiveWhileAnotherIsActive_Returns409NamingTheHolderAndWritesNothing()
    {
        var repository = TestDigests.NewRepository();
        var active = await Server.ActivateAsync(repository);
        var legacy = await ImportAsync(repository);
        var before = await Server.CountsAsync();

        using var response = await Server.Admin.PostAsync($"/api/v1/images/{legacy}/events", new { @event = "adopt", @params = new { to = "Active" } });

        var problem = await response.ShouldBeProblemAsync(409);
        problem.Str("detail").ShouldBe(
            $"{legacy} cannot enter Active: {active} is already Active, and the lifecycle allows one image per repository there");
        (await Server.CountsAsync()).ShouldBe(before);
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{legacy}")).Str("state").ShouldBe("Unknown");
    }

    [Fact]
    public async Task Adopt_IntoActiveOfAnotherRepository_IsAccepted()
    {
        await Server.ActivateAsync(TestDigests.NewRepository());
        var legacy = await ImportAsync(TestDigests.NewRepository());

        var (status, body) = await Server.FireAsync(legacy, "adopt", new { to = "Active" });

        status.ShouldBe(200);
        body.GetProperty("image").Str("state").ShouldBe("Active");
    }

    [Fact]
    public async Task Override_IntoActiveWhileAnotherIsActive_Returns409UntilTheHolderLeaves()
    {
        var repository = TestDigests.NewRepository();
        var active = await Server.ActivateAsync(repository);
        var other = await Server.RegisterAsync(repository);

        using (var refused = await Server.Admin.PostAsync($"/api/v1/images/{other}/override", new { to = "Active", reason = "hotfix" }))
        {
            (await refused.ShouldBeProblemAsync(409)).Str("detail").ShouldContain($"{active} is already Active");
        }

        await Server.Admin.PostJsonAsync($"/api/v1/images/{active}/override", new { to = "Deprecated", reason = "make room" });
        var moved = await Server.Admin.PostJsonAsync($"/api/v1/images/{other}/override", new { to = "Active", reason = "hotfix" });
        moved.GetProperty("image").Str("state").ShouldBe("Active");
    }

    [Fact]
    public async Task Promote_WithSupersede_ReplacesTheActiveDigest()
    {
        var repository = TestDigests.NewRepository();
        var first = await Server.ActivateAsync(repository);

        var second = await Server.ActivateAsync(repository);

        (await Server.Admin.GetJsonAsync($"/api/v1/images/{first}")).Str("state").ShouldBe("Deprecated");
        var active = await Server.Admin.GetJsonAsync($"/api/v1/images?repository={repository}&state=Active");
        active.Items().Select(i => i.Str("digest")).ShouldBe([second]);
    }

    /// <summary>A legacy image in the entry state Unknown, as an import leaves it.</summary>
    private async Task<string> ImportAsync(string repository)
    {
        var digest = TestDigests.New();
        await Server.Store.RegisterImageAsync(new ImageRegistration(digest, repository, "Unknown", [], new Dictionary<string, string>(), "importer", Server.Time.GetUtcNow()));
        return digest;
    }
}
