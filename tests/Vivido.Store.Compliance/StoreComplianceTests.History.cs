using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task ReadHistoryAsync_Digest_ReturnsOnlyItsEntriesInSeqOrder()
    {
        await WalkAsync(Digest(1), "team/app", "Building", "Scanned");
        await WalkAsync(Digest(2), "team/app", "Building", "Scanned", "Staged");
        await CommitAsync(Digest(1), 2, "Scanned", "Staged");

        var history = await Store.ReadHistoryAsync(Digest(1));

        history.Select(h => (h.Seq, h.From, h.To)).ShouldBe([(1L, (string?)null, (string?)"Building"), (2, "Building", "Scanned"), (6, "Scanned", "Staged")]);
        history.ShouldAllBe(h => h.Digest == Digest(1));
        (await Store.ReadHistoryAsync(Digest(9))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAuditAsync_Paging_ReturnsEveryEntryOnceLinkedToThePrevious()
    {
        for (var i = 1; i <= 7; i++)
        {
            await WalkAsync(Digest(i), "team/app", "Building", "Scanned", "Staged");
        }

        var all = new List<HistoryEntry>();
        long after = 0;
        while (true)
        {
            var page = await Store.ReadAuditAsync(after, 4);
            if (page.Count == 0)
            {
                break;
            }

            all.AddRange(page);
            after = page[^1].Seq;
        }

        all.Select(e => e.Seq).ShouldBe(Enumerable.Range(1, 21).Select(i => (long)i));
        all[0].PrevHash.ShouldBe(HistoryChain.GenesisHash);
        for (var i = 1; i < all.Count; i++)
        {
            all[i].PrevHash.ShouldBe(all[i - 1].Hash);
        }

        all.ShouldAllBe(e => e.Hash == HistoryChain.ComputeHash(e));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.ReadAuditAsync(0, 0));
    }

    [Fact]
    public async Task VerifyAuditAsync_IntactHistory_IsOkAndCountsEntries()
    {
        (await Store.VerifyAuditAsync()).ShouldBe(new AuditVerification(true, 0, null));
        await WalkAsync(Digest(1), "team/app", "Building", "Scanned", "Staged", "Active");
        await Store.AppendRejectionAsync(new RejectionRecord(Digest(1), "rollback", "a", null, NoParams, T0.AddDays(1), "no"));

        (await Store.VerifyAuditAsync()).ShouldBe(new AuditVerification(true, 5, null));
    }

    [Fact]
    public async Task VerifyAuditAsync_TamperedEntry_ReportsItsSeq()
    {
        for (var i = 1; i <= 3; i++)
        {
            await WalkAsync(Digest(i), "team/app", "Building", "Scanned");
        }

        await CorruptHistoryEntryAsync(4, "nothing to see here");

        (await Store.VerifyAuditAsync()).ShouldBe(new AuditVerification(false, 6, 4));
        (await Store.ReadHistoryAsync(Digest(2)))[1].Reason.ShouldBe("nothing to see here");
    }

    [Fact]
    public async Task History_UpdateThroughTheDatabase_IsRefused()
    {
        await WalkAsync(Digest(1), "team/app", "Building", "Scanned");
        var before = await Store.ReadHistoryAsync(Digest(1));

        await Should.ThrowAsync<Exception>(() => UpdateHistoryThroughDatabaseAsync(2));

        (await Store.ReadHistoryAsync(Digest(1))).ShouldBeEquivalentTo(before);
        (await Store.VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task History_DeleteThroughTheDatabase_IsRefused()
    {
        await WalkAsync(Digest(1), "team/app", "Building", "Scanned");

        await Should.ThrowAsync<Exception>(() => DeleteHistoryThroughDatabaseAsync(1));

        (await Store.ReadHistoryAsync(Digest(1))).Count.ShouldBe(2);
        (await Store.VerifyAuditAsync()).ShouldBe(new AuditVerification(true, 2, null));
    }

    [Fact]
    public async Task ReadHistoryAsync_ReplayingAcceptedAndOverrideEntries_ReproducesTheState()
    {
        var image = await WalkAsync(Digest(1), "team/app", "Building", "Scanned", "Staged");
        await Store.AppendRejectionAsync(new RejectionRecord(Digest(1), "promote", "a", null, NoParams, T0.AddDays(1), "unmet"));
        await Store.CommitTransitionAsync(new TransitionCommit(Digest(1), image.Version, "Staged", "Quarantined", "override", "admin", "cve", NoParams, T0.AddDays(2), HistoryKind.Override));

        var replayed = (await Store.ReadHistoryAsync(Digest(1)))
            .Where(e => e.Kind != HistoryKind.Rejected)
            .Aggregate((string?)null, (state, e) => { e.From.ShouldBe(state); return e.To; });

        replayed.ShouldBe((await Store.LoadImageAsync(Digest(1)))!.State);
    }
}
