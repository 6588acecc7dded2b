using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task ReadExposureAsync_PromoteSupersedeRollback_SpansPerStayOldestFirst()
    {
        var t1 = T0.AddDays(1);
        var t2 = T0.AddDays(2);
        var t3 = T0.AddDays(3);
        await RegisterAsync(Digest(1), "team/app", "Staged");
        await RegisterAsync(Digest(2), "team/app", "Staged");
        await RegisterAsync(Digest(3), "other/app", "Active");
        await Promote(Digest(1), 1, "Staged", "promote", t1);
        await Promote(Digest(2), 1, "Staged", "promote", t2);
        await Store.AppendRejectionAsync(new RejectionRecord(Digest(1), "rollback", "ops", "vetoed", NoParams, t2.AddHours(1), "Deprecated"));
        await Promote(Digest(1), 3, "Deprecated", "rollback", t3);
        await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(2), Scan(t2), null, null, "scanner", t2));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(3), Scan(t2), null, null, "scanner", t2));

        var active = await Store.ReadExposureAsync("team/app", ["Active"]);
        var both = await Store.ReadExposureAsync("team/app", ["Active", "Deprecated"]);

        active.Spans.ShouldBe(
        [
            new StateSpan(Digest(1), "Active", t1, t2),
            new StateSpan(Digest(2), "Active", t2, t3),
            new StateSpan(Digest(1), "Active", t3, null),
        ]);
        both.Spans.ShouldBe(
        [
            new StateSpan(Digest(1), "Active", t1, t2),
            new StateSpan(Digest(2), "Active", t2, t3),
            new StateSpan(Digest(1), "Deprecated", t2, t3),
            new StateSpan(Digest(1), "Active", t3, null),
            new StateSpan(Digest(2), "Deprecated", t3, null),
        ]);
        active.Scanned.ShouldBe([Digest(2)]);
        active.Sightings.ShouldBeEmpty();
        (await Store.ReadExposureAsync("nobody/app", ["Active"])).ShouldSatisfyAllConditions(
            e => e.Spans.ShouldBeEmpty(), e => e.Sightings.ShouldBeEmpty(), e => e.Scanned.ShouldBeEmpty());
    }

    [Fact]
    public async Task ReadExposureAsync_OverrideWithinTheStates_EndsOneStayAndStartsTheNext()
    {
        await RegisterAsync(Digest(1), "team/app", "Canary", T0);
        var canary = (await Store.LoadImageAsync(Digest(1)))!;
        var moved = (await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(1), canary.Version, "Canary", "Active", "force", "admin", "hotfix", NoParams, T0.AddHours(1), HistoryKind.Override))).ShouldBeOfType<Committed>();
        await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(1), moved.Image.Version, "Active", "Retired", "retire", "admin", null, NoParams, T0.AddHours(2)));

        var exposure = await Store.ReadExposureAsync("team/app", ["Canary", "Active"]);

        exposure.Spans.ShouldBe(
        [
            new StateSpan(Digest(1), "Canary", T0, T0.AddHours(1)),
            new StateSpan(Digest(1), "Active", T0.AddHours(1), T0.AddHours(2)),
        ]);
    }

    /// <summary>Commits <paramref name="from"/> → Active at <paramref name="version"/>, superseding the repository's Active image.</summary>
    private async Task Promote(string digest, long version, string from, string eventName, DateTimeOffset at) =>
        (await Store.CommitTransitionAsync(new TransitionCommit(digest, version, from, "Active", eventName, "release-bot", null, NoParams, at)
        {
            Effects = [new EffectTransition("Active", "Deprecated", "superseded")],
        })).ShouldBeOfType<Committed>();
}
