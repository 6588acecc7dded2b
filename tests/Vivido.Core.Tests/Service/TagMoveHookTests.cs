using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Core.Tests.Support;

namespace Vivido.Core.Tests.Service;

public sealed class TagMoveHookTests : IAsyncLifetime
{
    private const string Repository = "registry.example.com/team/app";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Caller Ci = new("ci-bot", [Roles.Ci], []);

    private readonly ManualTimeProvider _time = new(T0);
    private SqliteFixture? _database;
    private int _digests;

    private IVividoStore Store => _database!.Store;

    public async Task InitializeAsync() => _database = await SqliteFixture.CreateAsync();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task MoveAsync_LatestLeavesActiveDigest_FiresHookOnIt()
    {
        var (tags, images) = Services();
        var previous = await ActiveAsync(images);
        var next = await RegisterAsync(images);
        (await tags.MoveAsync(Ci, Repository, "latest", previous)).Succeeded.ShouldBeTrue();

        var move = await tags.MoveAsync(Ci, Repository, "latest", next);

        move.Value.ShouldNotBeNull().FromDigest.ShouldBe(previous);
        (await Store.LoadImageAsync(previous)).ShouldNotBeNull().State.ShouldBe("Deprecated");
        var entry = (await Store.ReadHistoryAsync(previous))[^1];
        (entry.Event, entry.Kind, entry.Actor, entry.From, entry.To).ShouldBe(("deprecate_previous", HistoryKind.Accepted, "ci-bot", "Active", "Deprecated"));
        (entry.Params["tag"], entry.Params["movedTo"], entry.Params.Count).ShouldBe(("latest", next, 2));
        (await Store.LoadImageAsync(next)).ShouldNotBeNull().State.ShouldBe("Building");
    }

    [Fact]
    public async Task MoveAsync_GuardUnmet_RecordsRefusalAndStillMovesTheTag()
    {
        var (tags, images) = Services();
        var pinned = await ActiveAsync(images, new Dictionary<string, string> { ["pinned"] = "true" });
        var next = await RegisterAsync(images);
        await tags.MoveAsync(Ci, Repository, "release-1", pinned);

        var move = await tags.MoveAsync(Ci, Repository, "release-1", next);

        move.Value.ShouldNotBeNull().ToDigest.ShouldBe(next);
        (await Store.LoadImageAsync(pinned)).ShouldNotBeNull().State.ShouldBe("Active");
        var entry = (await Store.ReadHistoryAsync(pinned))[^1];
        (entry.Event, entry.Kind).ShouldBe(("deprecate_previous", HistoryKind.Rejected));
        entry.Detail.ShouldNotBeNull().ShouldContain("not-pinned");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("latest-rc")]
    public async Task MoveAsync_TagWithoutHook_WritesOnlyTheMove(string tag)
    {
        var (tags, images) = Services();
        var previous = await ActiveAsync(images);
        var next = await RegisterAsync(images);
        await tags.MoveAsync(Ci, Repository, tag, previous);
        var before = await Store.ReadHistoryAsync(previous);

        (await tags.MoveAsync(Ci, Repository, tag, next)).Succeeded.ShouldBeTrue();

        (await Store.ReadHistoryAsync(previous)).Count.ShouldBe(before.Count);
        (await Store.LoadImageAsync(previous)).ShouldNotBeNull().State.ShouldBe("Active");
    }

    [Fact]
    public async Task MoveAsync_SameDigestAgain_FiresNothing()
    {
        var (tags, images) = Services();
        var digest = await ActiveAsync(images);
        await tags.MoveAsync(Ci, Repository, "latest", digest);

        await tags.MoveAsync(Ci, Repository, "latest", digest);

        (await Store.LoadImageAsync(digest)).ShouldNotBeNull().State.ShouldBe("Active");
        (await Store.ReadHistoryAsync(digest)).Select(e => e.Event).ShouldBe(["register", "activate"]);
    }

    [Fact]
    public async Task RegisterAsync_WithTagTakenFromActiveDigest_FiresHook()
    {
        var (tags, images) = Services();
        var previous = await ActiveAsync(images);
        await tags.MoveAsync(Ci, Repository, "latest", previous);

        var next = NextDigest();
        (await images.RegisterAsync(Ci, Repository, next, ["latest"], null)).Succeeded.ShouldBeTrue();

        (await Store.LoadImageAsync(previous)).ShouldNotBeNull().State.ShouldBe("Deprecated");
    }

    [Fact]
    public async Task RecordPushAsync_MovesLatest_FiresHookAndRedeliveryWritesNothing()
    {
        var (tags, images) = Services();
        var webhooks = new WebhookService(Store, HookLifecycle.Load(), _time);
        var previous = await ActiveAsync(images);
        await tags.MoveAsync(Ci, Repository, "latest", previous);
        var next = NextDigest();

        var first = await webhooks.RecordPushAsync(Ci, Repository, next, ["latest"], null);
        var counts = await Store.CountRowsAsync();
        var again = await webhooks.RecordPushAsync(Ci, Repository, next, ["latest"], null);

        first.Value.ShouldNotBeNull().Registered.ShouldBeTrue();
        first.Value.MovedTags.ShouldBe(["latest"]);
        again.Value.ShouldNotBeNull().Changed.ShouldBeFalse();
        (await Store.CountRowsAsync()).ShouldBe(counts);
        (await Store.LoadImageAsync(previous)).ShouldNotBeNull().State.ShouldBe("Deprecated");
    }

    [Fact]
    public async Task RecordDeletionAsync_ActiveImage_AppendsOnceAndKeepsState()
    {
        var (_, images) = Services();
        var webhooks = new WebhookService(Store, HookLifecycle.Load(), _time);
        var digest = await ActiveAsync(images);

        var first = await webhooks.RecordDeletionAsync(Ci, Repository, digest, "deleted from Harbor by admin");
        var again = await webhooks.RecordDeletionAsync(Ci, Repository, digest, "deleted from Harbor by admin");

        first.Value.ShouldNotBeNull().DeletionRecorded.ShouldBeTrue();
        again.Value.ShouldNotBeNull().Changed.ShouldBeFalse();
        var image = (await Store.LoadImageAsync(digest)).ShouldNotBeNull();
        image.State.ShouldBe("Active");
        var history = await Store.ReadHistoryAsync(digest);
        history.Select(e => e.Event).ShouldBe(["register", "activate", WebhookService.DeletedEvent]);
        (history[^1].From, history[^1].To, history[^1].Reason).ShouldBe(("Active", "Active", "deleted from Harbor by admin"));
        (await Store.VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task RecordDeletionAsync_UnknownDigest_IsNotFoundAndWritesNothing()
    {
        var webhooks = new WebhookService(Store, HookLifecycle.Load(), _time);
        var counts = await Store.CountRowsAsync();

        var result = await webhooks.RecordDeletionAsync(Ci, Repository, NextDigest(), null);

        result.Failure.ShouldBeOfType<ResourceNotFound>();
        (await Store.CountRowsAsync()).ShouldBe(counts);
    }

    private (TagService Tags, ImageService Images) Services()
    {
        var lifecycle = HookLifecycle.Load();
        return (new TagService(Store, lifecycle, _time), new ImageService(Store, lifecycle, _time));
    }

    private async Task<string> ActiveAsync(ImageService images, IReadOnlyDictionary<string, string>? attributes = null)
    {
        var digest = await RegisterAsync(images, attributes);
        var transitions = new TransitionService(Store, HookLifecycle.Load(), _time);
        (await transitions.FireEventAsync(Ci, digest, "activate", null, null)).Succeeded.ShouldBeTrue();
        return digest;
    }

    private async Task<string> RegisterAsync(ImageService images, IReadOnlyDictionary<string, string>? attributes = null)
    {
        var digest = NextDigest();
        (await images.RegisterAsync(Ci, Repository, digest, null, attributes)).Succeeded.ShouldBeTrue();
        return digest;
    }

    private string NextDigest() => "sha256:" + (++_digests).ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
