using System.Text.Json;
using Vivido.Core.Storage;
using Vivido.Registry;
using Vivido.Server.Tests.Support;
using Vivido.Testing;

namespace Vivido.Server.Tests;

/// <summary>Cleanup end to end: images pushed to a live registry, retired in Vivido, planned and deleted through the API.</summary>
public sealed class CleanupApiTests : IAsyncLifetime
{
    private const string RetiringLifecycle = TestLifecycleFiles.Retiring;

    private RegistryHarness? _harness;
    private RegistryClientFactory? _factory;

    private RegistryHarness Harness => _harness!;

    private RegistryClient Registry => _factory!.For(Harness.Registry.Host);

    public async Task InitializeAsync()
    {
        _harness = await RegistryHarness.StartAsync(RetiringLifecycle);
        _factory = new RegistryClientFactory(new RegistrySettings([new RegistryHostSettings(Harness.Registry.Host, Insecure: true)]));
    }

    public async Task DisposeAsync()
    {
        _factory!.Dispose();
        await _harness!.DisposeAsync();
    }

    [Fact]
    public async Task Cleanup_DryRunThenRun_DeletesExactlyThePlannedImages()
    {
        var building = await PushAsync("v1");
        var old = await PushRetiredAsync("v2");
        var running = await PushRetiredAsync("v3");
        var middle = await PushRetiredAsync("v4");
        var newest = await PushRetiredAsync("v5");
        await Harness.DeployAsync(running, "healthy");

        var plan = await Harness.Admin.GetJsonAsync("/api/v1/cleanup/plan");
        var run = await Harness.Admin.PostJsonAsync("/api/v1/cleanup", null);

        Digests(plan, "delete").ShouldBe([old, middle]);
        var keep = plan.GetProperty("keep").EnumerateArray().ToDictionary(k => k.GetProperty("digest").GetString()!, k => k.GetProperty("reason").GetString());
        keep.ShouldBe(new Dictionary<string, string?> { [building] = "not-retired", [running] = "running", [newest] = "rollback-candidate" }, ignoreOrder: true);
        Digests(run, "deleted").ShouldBe([old, middle]);
        run.GetProperty("failed").GetArrayLength().ShouldBe(0);
        (await Registry.ResolveAsync("team/web", old)).ShouldBeNull();
        (await Registry.ResolveAsync("team/web", middle)).ShouldBeNull();
        foreach (var remaining in new[] { building, running, newest })
        {
            (await Registry.ResolveAsync("team/web", remaining)).ShouldNotBeNull();
        }

        var entry = (await Harness.Store.ReadHistoryAsync(old))[^1];
        entry.ShouldBe(entry with { Event = "deleted", Kind = HistoryKind.Accepted, From = "Retired", To = "Retired", Actor = "admin" });
        var after = await Harness.Admin.GetJsonAsync("/api/v1/cleanup/plan");
        after.GetProperty("delete").GetArrayLength().ShouldBe(0);
        Digests(after, "alreadyDeleted").ShouldBe([old, middle], ignoreOrder: true);
        (await Harness.Store.VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task Cleanup_RegistryStopped_ReportsTheFailureAndTheImageStaysNotDeleted()
    {
        var old = await PushRetiredAsync("v1");
        await PushRetiredAsync("v2");
        await Harness.Registry.DisposeAsync();

        var run = await Harness.Admin.PostJsonAsync("/api/v1/cleanup", null);

        run.GetProperty("deleted").GetArrayLength().ShouldBe(0);
        var failure = run.GetProperty("failed").EnumerateArray().ShouldHaveSingleItem();
        failure.GetProperty("digest").GetString().ShouldBe(old);
        failure.GetProperty("error").GetString().ShouldNotBeNull().ShouldStartWith("registry error: ");
        var rejection = (await Harness.Store.ReadHistoryAsync(old))[^1];
        rejection.ShouldBe(rejection with { Event = "deleted", Kind = HistoryKind.Rejected, To = null });
        Digests(await Harness.Admin.GetJsonAsync("/api/v1/cleanup/plan"), "delete").ShouldBe([old]);
    }

    [Fact]
    public async Task Cleanup_CiToken_ForbiddenAndNothingDeleted()
    {
        var old = await PushRetiredAsync("v1");
        await PushRetiredAsync("v2");
        var created = await Harness.Admin.PostJsonAsync("/api/v1/tokens", new { name = "builder", roles = new[] { "ci" } }, 201);
        var ci = Harness.As(created.GetProperty("secret").GetString()!);

        using var response = await ci.PostAsync("/api/v1/cleanup", null);
        var plan = await ci.GetJsonAsync("/api/v1/cleanup/plan");

        await response.ShouldBeProblemAsync(403);
        Digests(plan, "delete").ShouldBe([old]);
        (await Registry.ResolveAsync("team/web", old)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2001-01-01T00:00:00Z")]
    public async Task Plan_BadOrPastTime_400NamingAt(string at)
    {
        using var response = await Harness.Admin.GetAsync("/api/v1/cleanup/plan?at=" + Uri.EscapeDataString(at));

        await response.ShouldBeProblemAsync(400, "at");
    }

    private static List<string> Digests(JsonElement document, string list) =>
        [.. document.GetProperty(list).EnumerateArray().Select(d => d.GetProperty("digest").GetString()!)];

    private async Task<string> PushAsync(string tag) => (await Harness.PushAndRegisterAsync("team/web", tag)).Digest;

    private async Task<string> PushRetiredAsync(string tag)
    {
        var digest = await PushAsync(tag);
        foreach (var name in new[] { "deprecate", "retire" })
        {
            await Harness.Admin.PostJsonAsync($"/api/v1/images/{digest}/events", new { @event = name });
        }

        return digest;
    }
}
