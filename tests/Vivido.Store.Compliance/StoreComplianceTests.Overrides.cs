using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task RecordOverrideAsync_KnownDigest_StoresPendingOverride()
    {
        var image = await WalkAsync(Digest(1), "team/app", "Building", "Failed");

        var pending = (await Store.RecordOverrideAsync(new OverrideRequest(Digest(1), "Failed", "Scanned", image.Version, "false positive", "admin-a", T0.AddHours(1))))
            .ShouldNotBeNull();

        pending.ShouldBe(new PendingOverride(pending.Id, Digest(1), "Failed", "Scanned", image.Version, "false positive", "admin-a", T0.AddHours(1), OverrideStatus.Pending, null, null, null));
        (await Store.FindOverrideAsync(pending.Id)).ShouldBe(pending);
        (await Store.ListPendingOverridesAsync(Digest(1))).ShouldBe([pending]);
        (await Store.LoadImageAsync(Digest(1)))!.State.ShouldBe("Failed");
        (await Store.RecordOverrideAsync(new OverrideRequest(Digest(9), "A", "B", 1, "r", "admin-a", T0))).ShouldBeNull();
        (await Store.FindOverrideAsync(pending.Id + 100)).ShouldBeNull();
    }

    [Fact]
    public async Task CommitTransitionAsync_ConfirmingPendingOverride_CommitsAndMarksItConfirmed()
    {
        var image = await WalkAsync(Digest(1), "team/app", "Building", "Failed");
        var pending = (await Store.RecordOverrideAsync(new OverrideRequest(Digest(1), "Failed", "Scanned", image.Version, "false positive", "admin-a", T0)))!;

        var result = await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(1), pending.ExpectedVersion, "Failed", "Scanned", "override", "admin-b", "confirmed", NoParams, T0.AddHours(1), HistoryKind.Override)
        {
            ConfirmsOverrideId = pending.Id,
        });

        result.ShouldBeOfType<Committed>().Image.State.ShouldBe("Scanned");
        var confirmed = (await Store.FindOverrideAsync(pending.Id))!;
        confirmed.Status.ShouldBe(OverrideStatus.Confirmed);
        confirmed.ResolvedBy.ShouldBe("admin-b");
        confirmed.ResolvedAt.ShouldBe(T0.AddHours(1));
        (await Store.ListPendingOverridesAsync(Digest(1))).ShouldBeEmpty();
    }

    [Fact]
    public async Task CommitTransitionAsync_ConfirmingResolvedOverride_ReturnsNotPendingAndWritesNothing()
    {
        var image = await WalkAsync(Digest(1), "team/app", "Building", "Failed");
        var pending = (await Store.RecordOverrideAsync(new OverrideRequest(Digest(1), "Failed", "Scanned", image.Version, "r", "admin-a", T0)))!;
        (await Store.RejectOverrideAsync(pending.Id, "admin-b", "no", T0.AddMinutes(1))).ShouldNotBeNull();
        var counts = await Store.CountRowsAsync();

        var result = await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(1), image.Version, "Failed", "Scanned", "override", "admin-c", "yes", NoParams, T0.AddHours(1), HistoryKind.Override)
        {
            ConfirmsOverrideId = pending.Id,
        });

        result.ShouldBe(new OverrideNotPending(pending.Id, OverrideStatus.Rejected));
        (await Store.CountRowsAsync()).ShouldBe(counts);
        (await Store.LoadImageAsync(Digest(1)))!.State.ShouldBe("Failed");
        (await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(1), image.Version, "Failed", "Scanned", "override", "admin-c", "yes", NoParams, T0, HistoryKind.Override) { ConfirmsOverrideId = 999 }))
            .ShouldBe(new OverrideNotPending(999, null));
    }

    [Fact]
    public async Task RejectOverrideAsync_Pending_MarksRejectedOnce()
    {
        var image = await WalkAsync(Digest(1), "team/app", "Building", "Failed");
        var pending = (await Store.RecordOverrideAsync(new OverrideRequest(Digest(1), "Failed", "Scanned", image.Version, "r", "admin-a", T0)))!;

        var rejected = (await Store.RejectOverrideAsync(pending.Id, "admin-b", "not convinced", T0.AddMinutes(3))).ShouldNotBeNull();

        rejected.ShouldBe(pending with { Status = OverrideStatus.Rejected, ResolvedBy = "admin-b", ResolvedAt = T0.AddMinutes(3), ResolutionReason = "not convinced" });
        (await Store.RejectOverrideAsync(pending.Id, "admin-c", null, T0.AddMinutes(4))).ShouldBeNull();
        (await Store.ListPendingOverridesAsync(Digest(1))).ShouldBeEmpty();
        (await Store.LoadImageAsync(Digest(1)))!.Version.ShouldBe(image.Version);
    }
}
