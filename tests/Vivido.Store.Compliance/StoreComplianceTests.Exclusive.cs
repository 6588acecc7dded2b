using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    private static readonly string[] ExclusiveActive = ["Active"];

    [Fact]
    public async Task CommitTransitionAsync_SecondImageIntoExclusiveState_ReturnsOccupiedNamingTheHolderAndWritesNothing()
    {
        var holder = await ActivateAsync(Digest(1));
        var staged = await WalkAsync(Digest(2), "team/app", "Building", "Staged");
        var counts = await Store.CountRowsAsync();

        var result = await EnterActiveAsync(Digest(2), staged.Version, "Staged", supersede: false);

        result.ShouldBe(new ExclusiveStateOccupied(Digest(2), "Active", Digest(1)));
        (await Store.CountRowsAsync()).ShouldBe(counts);
        (await Store.LoadImageAsync(Digest(2))).ShouldNotBeNull().ShouldMatch(staged);
        (await Store.LoadImageAsync(Digest(1))).ShouldNotBeNull().ShouldMatch(holder);
        (await Store.VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task CommitTransitionAsync_PromotionWithSupersede_MovesTheHolderOutAndTakesTheState()
    {
        await ActivateAsync(Digest(1));
        var staged = await WalkAsync(Digest(2), "team/app", "Building", "Staged");

        var committed = (await EnterActiveAsync(Digest(2), staged.Version, "Staged", supersede: true)).ShouldBeOfType<Committed>();

        committed.Image.State.ShouldBe("Active");
        committed.EffectEntries.Select(e => (e.Digest, e.From, e.To, e.Seq)).ShouldBe([(Digest(1), (string?)"Active", (string?)"Deprecated", committed.Entry.Seq + 1)]);
        (await Store.LoadImageAsync(Digest(1)))!.State.ShouldBe("Deprecated");
        (await Store.LoadRepositoryContextAsync("team/app")).ActiveDigests.ShouldBe([Digest(2)]);
        var third = await WalkAsync(Digest(3), "team/app", "Building", "Staged");
        (await EnterActiveAsync(Digest(3), third.Version, "Staged", supersede: false)).ShouldBe(new ExclusiveStateOccupied(Digest(3), "Active", Digest(2)));
        (await Store.VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task CommitTransitionAsync_ExclusiveState_HoldsOneImagePerRepository()
    {
        await ActivateAsync(Digest(1), "team/app");

        await ActivateAsync(Digest(2), "other/app");

        (await Store.LoadImageAsync(Digest(1)))!.State.ShouldBe("Active");
        (await Store.LoadImageAsync(Digest(2)))!.State.ShouldBe("Active");
    }

    [Fact]
    public async Task CommitTransitionAsync_HolderLeavesTheExclusiveState_FreesIt()
    {
        var first = await ActivateAsync(Digest(1));
        var left = (await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(1), first.Version, "Active", "Deprecated", "retreat", "ops", null, NoParams, T0.AddHours(2)) { ExclusiveStates = ExclusiveActive }))
            .ShouldBeOfType<Committed>();

        await ActivateAsync(Digest(2));

        (await EnterActiveAsync(Digest(1), left.Image.Version, "Deprecated", supersede: false)).ShouldBe(new ExclusiveStateOccupied(Digest(1), "Active", Digest(2)));
        (await EnterActiveAsync(Digest(1), left.Image.Version, "Deprecated", supersede: true)).ShouldBeOfType<Committed>();
        (await Store.LoadRepositoryContextAsync("team/app")).ActiveDigests.ShouldBe([Digest(1)]);
    }

    [Fact]
    public async Task CommitTransitionAsync_OccupiedWhileConfirmingAnOverride_LeavesTheOverridePending()
    {
        await ActivateAsync(Digest(1));
        var image = await RegisterAsync(Digest(2));
        var pending = (await Store.RecordOverrideAsync(new OverrideRequest(Digest(2), "Building", "Active", image.Version, "hotfix", "admin-a", T0)))!;
        var counts = await Store.CountRowsAsync();

        var result = await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(2), image.Version, "Building", "Active", "override", "admin-b", "hotfix", NoParams, T0.AddHours(1), HistoryKind.Override)
        {
            ConfirmsOverrideId = pending.Id,
            ExclusiveStates = ExclusiveActive,
        });

        result.ShouldBe(new ExclusiveStateOccupied(Digest(2), "Active", Digest(1)));
        (await Store.FindOverrideAsync(pending.Id))!.Status.ShouldBe(OverrideStatus.Pending);
        (await Store.CountRowsAsync()).ShouldBe(counts);
    }

    [Fact]
    public async Task CommitTransitionAsync_16RacersIntoOneExclusiveState_OneEntersAndOnlyTheOthersAreUndone()
    {
        var staged = new List<ImageRecord>();
        for (var i = 1; i <= 16; i++)
        {
            staged.Add(await WalkAsync(Digest(i), "team/app", "Building", "Staged"));
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var promotions = staged.Select(image => Task.Run(async () =>
        {
            await start.Task;
            return await EnterActiveAsync(image.Digest, image.Version, "Staged", supersede: false);
        })).ToList();
        var bystanders = Enumerable.Range(100, 16).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await Store.RegisterImageAsync(new ImageRegistration(Digest(i), "other/app", "Building", [], NoParams, "ci-bot", T0));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(promotions);
        await Task.WhenAll(bystanders);

        var winner = results.OfType<Committed>().ShouldHaveSingleItem();
        results.OfType<ExclusiveStateOccupied>().Count().ShouldBe(15);
        results.OfType<ExclusiveStateOccupied>().ShouldAllBe(o => o.State == "Active" && o.HolderDigest == winner.Image.Digest);
        (await Store.LoadRepositoryContextAsync("team/app")).ActiveDigests.ShouldBe([winner.Image.Digest]);
        (await Store.ListImagesAsync(new ImageQuery { Repository = "other/app" })).Items.Count.ShouldBe(16);
        (await Store.ReadOutboxAsync(0, 100)).Count.ShouldBe(1);
        (await Store.VerifyAuditAsync()).ShouldBe(new AuditVerification(true, 16 * 2 + 1 + 16, null));
    }

    [Fact]
    public async Task CommitTransitionAsync_16RacingPromotionsWithSupersede_LeaveExactlyOneActive()
    {
        var staged = new List<ImageRecord>();
        for (var i = 1; i <= 16; i++)
        {
            staged.Add(await WalkAsync(Digest(i), "team/app", "Building", "Staged"));
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var promotions = staged.Select(image => Task.Run(async () =>
        {
            await start.Task;
            return await EnterActiveAsync(image.Digest, image.Version, "Staged", supersede: true);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(promotions);

        results.ShouldAllBe(r => r is Committed);
        var context = await Store.LoadRepositoryContextAsync("team/app");
        context.ActiveDigests.Count.ShouldBe(1);
        context.DeprecatedDigests.Count.ShouldBe(15);
        (await Store.VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    /// <summary>Registers <paramref name="digest"/> and moves it to Active under the exclusive rule (no supersede).</summary>
    private async Task<ImageRecord> ActivateAsync(string digest, string repository = "team/app")
    {
        var staged = await WalkAsync(digest, repository, "Building", "Staged");
        return (await EnterActiveAsync(digest, staged.Version, "Staged", supersede: false)).ShouldBeOfType<Committed>().Image;
    }

    private Task<CommitResult> EnterActiveAsync(string digest, long version, string from, bool supersede) =>
        Store.CommitTransitionAsync(new TransitionCommit(digest, version, from, "Active", "promote", "release-bot", null, NoParams, T0.AddHours(1))
        {
            Effects = supersede ? [new EffectTransition("Active", "Deprecated", "superseded")] : [],
            Outbox = [new OutboxMessage("image.promoted", "{}")],
            ExclusiveStates = ExclusiveActive,
        });
}
