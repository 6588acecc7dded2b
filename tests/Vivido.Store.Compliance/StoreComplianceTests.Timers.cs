using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task ListDueTimersAsync_ImagesInTheState_ListsThoseEnteredByTheCutoffOldestFirst()
    {
        await RegisterAsync(Digest(1), at: T0.AddHours(3));
        await RegisterAsync(Digest(2), at: T0.AddHours(1));
        await RegisterAsync(Digest(3), at: T0.AddHours(2));
        await RegisterAsync(Digest(4), at: T0.AddHours(5));
        await RegisterAsync(Digest(5), state: "Staged", at: T0);

        var due = await Store.ListDueTimersAsync("Building", "expire", T0.AddHours(3), 10);

        due.ShouldBe([new DueTimer(Digest(2), 1, T0.AddHours(1)), new DueTimer(Digest(3), 1, T0.AddHours(2)), new DueTimer(Digest(1), 1, T0.AddHours(3))]);
        (await Store.ListDueTimersAsync("Building", "expire", T0.AddHours(3), 2)).Select(d => d.Digest).ShouldBe([Digest(2), Digest(3)]);
        (await Store.ListDueTimersAsync("Building", "expire", T0, 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AppendRejectionAsync_TimerEvent_RecordsTheFiringOnceAndStopsListingTheStay()
    {
        var image = await WalkAsync(Digest(1), "team/app", "Building", "Deprecated");
        var counts = await Store.CountRowsAsync();

        var entry = await Store.AppendRejectionAsync(TimerRejection(Digest(1), "retire", T0.AddDays(40)));
        var again = await Store.AppendRejectionAsync(TimerRejection(Digest(1), "retire", T0.AddDays(41)));

        entry.ShouldNotBeNull().ShouldBe(entry with { Kind = HistoryKind.Rejected, From = "Deprecated", To = null, Event = "retire", Actor = "vivido:timer" });
        again.ShouldBeNull();
        var after = await Store.CountRowsAsync();
        after["history"].ShouldBe(counts["history"] + 1);
        after["timer_firings"].ShouldBe(counts["timer_firings"] + 1);
        (await Store.ListDueTimersAsync("Deprecated", "retire", T0.AddDays(50), 10)).ShouldBeEmpty();
        (await Store.ListDueTimersAsync("Deprecated", "purge", T0.AddDays(50), 10)).ShouldBe([new DueTimer(Digest(1), image.Version, image.EnteredStateAt)]);
        (await Store.LoadImageAsync(Digest(1))).ShouldNotBeNull().ShouldMatch(image);
    }

    [Fact]
    public async Task ListDueTimersAsync_ImageReentersTheState_IsListedAgainForTheNewStay()
    {
        var image = await WalkAsync(Digest(1), "team/app", "Building", "Deprecated");
        await Store.AppendRejectionAsync(TimerRejection(Digest(1), "retire", T0.AddDays(40)));
        var active = (await CommitAsync(Digest(1), image.Version, "Deprecated", "Active", "rollback", T0.AddDays(41))).ShouldBeOfType<Committed>();

        var back = (await CommitAsync(Digest(1), active.Image.Version, "Active", "Deprecated", "superseded", T0.AddDays(42))).ShouldBeOfType<Committed>();

        (await Store.ListDueTimersAsync("Deprecated", "retire", T0.AddDays(80), 10)).ShouldBe([new DueTimer(Digest(1), back.Image.Version, T0.AddDays(42))]);
        (await Store.AppendRejectionAsync(TimerRejection(Digest(1), "retire", T0.AddDays(80)))).ShouldNotBeNull();
        (await Store.CountRowsAsync())["timer_firings"].ShouldBe(2);
    }

    [Fact]
    public async Task AppendRejectionAsync_ExpectedVersionIsStale_ReturnsNullAndWritesNothing()
    {
        var image = await WalkAsync(Digest(1), "team/app", "Building", "Deprecated");
        var counts = await Store.CountRowsAsync();

        var stale = await Store.AppendRejectionAsync(TimerRejection(Digest(1), "retire", T0.AddDays(40)) with { ExpectedVersion = image.Version - 1 });

        stale.ShouldBeNull();
        (await Store.CountRowsAsync()).ShouldBe(counts);
        (await Store.AppendRejectionAsync(TimerRejection(Digest(1), "retire", T0.AddDays(40)) with { ExpectedVersion = image.Version })).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task ListDueTimersAsync_LimitOutOfRange_Throws(int limit)
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.ListDueTimersAsync("Building", "expire", T0, limit));
    }

    private static RejectionRecord TimerRejection(string digest, string eventName, DateTimeOffset at) =>
        new(digest, eventName, "vivido:timer", "30d in Deprecated", NoParams, at, "{\"unmet\":[{\"name\":\"running-nowhere\"}]}") { TimerEvent = eventName };
}
