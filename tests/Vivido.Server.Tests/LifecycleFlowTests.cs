using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

/// <summary>Promotion, supersede, rollback, approvals and veto through the default lifecycle's real guards.</summary>
public sealed class LifecycleFlowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerHarness Server => fixture.Server;

    [Fact]
    public async Task Promote_SecondDigest_SupersedesThePreviousActiveInTheSameCommit()
    {
        var repository = TestDigests.NewRepository();
        var first = await Server.ActivateAsync(repository);
        var second = await Server.RegisterAsync(repository);
        await Server.AttachScanAsync(second);
        await Server.FireAsync(second, "scan_passed");
        await Server.DeployAsync(second);
        await Server.FireAsync(second, "staged");
        await Server.AttachTestsAsync(second);
        await Server.Admin.PostJsonAsync($"/api/v1/images/{second}/approvals", new { role = "release-manager" }, 201);

        var (status, result) = await Server.FireAsync(second, "promote");

        status.ShouldBe(200);
        result.GetProperty("image").Str("state").ShouldBe("Active");
        var effect = result.Items("effects").ShouldHaveSingleItem();
        effect.Str("digest").ShouldBe(first);
        effect.Str("event").ShouldBe("superseded");
        effect.Str("to").ShouldBe("Deprecated");
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{first}")).Str("state").ShouldBe("Deprecated");
    }

    [Fact]
    public async Task Promote_WithoutApprovalAndTests_Returns422NamingBothGuards()
    {
        var repository = TestDigests.NewRepository();
        var digest = await Server.RegisterAsync(repository);
        await Server.AttachScanAsync(digest);
        await Server.FireAsync(digest, "scan_passed");
        await Server.DeployAsync(digest);
        await Server.FireAsync(digest, "staged");

        var (status, problem) = await Server.FireAsync(digest, "promote");

        status.ShouldBe(422);
        problem.Items("unmetGuards").Select(g => g.Str("name")).ShouldBe(["staging-tests-passed", "release-manager-approval"]);
    }

    [Fact]
    public async Task Approve_Image_Returns201AndRecordsTheTokenAsActor()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        var approver = await Server.TokenAsync("alice-" + Guid.NewGuid().ToString("N")[..6], ["approver"]);

        var approval = await approver.PostJsonAsync($"/api/v1/images/{digest}/approvals", new { role = "security", comment = "looks fine" }, 201);

        approval.Str("actor").ShouldStartWith("alice-");
        approval.Str("role").ShouldBe("security");
        approval.Str("comment").ShouldBe("looks fine");
    }

    [Fact]
    public async Task Approve_MissingRole_Returns400()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        using var response = await Server.Admin.PostAsync($"/api/v1/images/{digest}/approvals", new { comment = "x" });
        await response.ShouldBeProblemAsync(400, "role");
    }

    [Fact]
    public async Task Rollback_Default_PicksMostRecentDeprecatedAndDeprecatesCurrentActive()
    {
        var repository = TestDigests.NewRepository();
        var oldest = await Server.ActivateAsync(repository);
        var previous = await Server.ActivateAsync(repository);
        var current = await Server.ActivateAsync(repository);

        var result = await Server.Admin.PostJsonAsync("/api/v1/rollbacks", new { repository, reason = "bad release" });

        result.GetProperty("image").Str("digest").ShouldBe(previous);
        result.GetProperty("image").Str("state").ShouldBe("Active");
        result.Items("effects").ShouldHaveSingleItem().Str("digest").ShouldBe(current);
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{current}")).Str("state").ShouldBe("Deprecated");
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{oldest}")).Str("state").ShouldBe("Deprecated");
    }

    [Fact]
    public async Task Rollback_SkipsVetoedCandidate()
    {
        var repository = TestDigests.NewRepository();
        var oldest = await Server.ActivateAsync(repository);
        var previous = await Server.ActivateAsync(repository);
        await Server.ActivateAsync(repository);
        var veto = await Server.Admin.PostJsonAsync($"/api/v1/images/{previous}/veto", new { reason = "CVE found" });
        veto.GetProperty("image").Str("state").ShouldBe("Quarantined");

        var result = await Server.Admin.PostJsonAsync("/api/v1/rollbacks", new { repository, reason = "bad release" });

        result.GetProperty("image").Str("digest").ShouldBe(oldest);
    }

    [Fact]
    public async Task Rollback_StaleScans_Returns422ListingCandidatesAndRecordsTheAttempt()
    {
        var repository = TestDigests.NewRepository();
        var previous = await Server.ActivateAsync(repository);
        await Server.ActivateAsync(repository);
        Server.Time.Advance(TimeSpan.FromDays(8));

        using var response = await Server.Admin.PostAsync("/api/v1/rollbacks", new { repository, reason = "bad release" });

        var problem = await response.ShouldBeProblemAsync(422);
        var candidate = problem.Items("candidates").ShouldHaveSingleItem();
        candidate.Str("digest").ShouldBe(previous);
        candidate.Items("unmetGuards").Select(g => g.Str("name")).ShouldBe(["fresh-scan-or-accepted"]);
        var history = (await Server.Admin.GetJsonAsync($"/api/v1/images/{previous}/history")).Items();
        history[^1].Str("kind").ShouldBe("rejected");
        history[^1].Str("event").ShouldBe("rollback");
    }

    [Fact]
    public async Task Rollback_StaleScanAccepted_CommitsWithTheParameterRecorded()
    {
        var repository = TestDigests.NewRepository();
        var previous = await Server.ActivateAsync(repository);
        await Server.ActivateAsync(repository);
        Server.Time.Advance(TimeSpan.FromDays(8));

        var result = await Server.Admin.PostJsonAsync(
            "/api/v1/rollbacks", new { repository, toDigest = previous, reason = "hotfix", @params = new { acceptStaleScan = "true" } });

        result.GetProperty("transition").GetProperty("params").GetProperty("acceptStaleScan").GetString().ShouldBe("true");
        result.GetProperty("image").Str("state").ShouldBe("Active");
    }

    [Fact]
    public async Task Rollback_NoDeprecatedDigest_Returns422()
    {
        var repository = TestDigests.NewRepository();
        await Server.ActivateAsync(repository);

        using var response = await Server.Admin.PostAsync("/api/v1/rollbacks", new { repository, reason = "x" });

        (await response.ShouldBeProblemAsync(422)).Str("detail").ShouldContain("no Deprecated digest");
    }

    [Fact]
    public async Task Rollback_ToDigestOfOtherRepository_Returns400()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        using var response = await Server.Admin.PostAsync("/api/v1/rollbacks", new { repository = TestDigests.NewRepository(), toDigest = digest, reason = "x" });
        await response.ShouldBeProblemAsync(400, "toDigest");
    }

    [Fact]
    public async Task Rollback_MissingReason_Returns400()
    {
        using var response = await Server.Admin.PostAsync("/api/v1/rollbacks", new { repository = "team-a/api" });
        await response.ShouldBeProblemAsync(400, "reason");
    }

    [Fact]
    public async Task Veto_ActiveImage_QuarantinesAndFlagsIt()
    {
        var digest = await Server.ActivateAsync(TestDigests.NewRepository());

        var result = await Server.Admin.PostJsonAsync($"/api/v1/images/{digest}/veto", new { reason = "critical CVE" });

        result.GetProperty("image").Str("state").ShouldBe("Quarantined");
        result.GetProperty("image").GetProperty("vetoed").GetBoolean().ShouldBeTrue();
        result.GetProperty("transition").Str("event").ShouldBe("quarantine");
        result.GetProperty("transition").Str("reason").ShouldBe("critical CVE");
    }

    [Fact]
    public async Task Veto_AlreadyQuarantined_OnlyFlags()
    {
        var digest = await Server.ActivateAsync(TestDigests.NewRepository());
        await Server.Admin.PostJsonAsync($"/api/v1/images/{digest}/veto", new { reason = "first" });

        var again = await Server.Admin.PostJsonAsync($"/api/v1/images/{digest}/veto", new { reason = "second" });

        again.GetProperty("transition").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        again.GetProperty("image").Str("state").ShouldBe("Quarantined");
    }

    [Fact]
    public async Task Veto_MissingReason_Returns400AndWritesNothing()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        var before = await Server.CountsAsync();
        using var response = await Server.Admin.PostAsync($"/api/v1/images/{digest}/veto", new { reason = "  " });
        await response.ShouldBeProblemAsync(400, "reason");
        (await Server.CountsAsync()).ShouldBe(before);
    }
}
