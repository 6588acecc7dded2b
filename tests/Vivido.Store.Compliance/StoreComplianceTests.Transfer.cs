using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task WriteTableAsync_EveryTableCopiedToAFreshStore_SameRowsAndTheChainVerifies()
    {
        await SeedEveryTableAsync();
        var target = await CreateEmptyStoreAsync();
        try
        {
            await StoreSeed.CopyAndCompareAsync(Store, target);
        }
        finally
        {
            await DisposeStoreAsync(target);
        }
    }

    [Fact]
    public async Task WriteTableAsync_AfterACopy_NewRowsContinueAfterTheCopiedIds()
    {
        await SeedEveryTableAsync();
        var sourceAudit = await Store.VerifyAuditAsync();
        var sourceOutbox = await Store.ReadOutboxAsync(0, 100);
        var target = await CreateEmptyStoreAsync();
        try
        {
            foreach (var table in StoreSchema.Tables)
            {
                await target.WriteTableAsync(table, Store.ReadTableAsync(table));
            }

            await target.RegisterImageAsync(new ImageRegistration(Digest(9), "team/app", "Staged", ["next"], NoParams, "ci-bot", T0.AddDays(2)));
            var occupied = await target.CommitTransitionAsync(ActiveCommit(Digest(9), supersede: false));
            var promoted = (await target.CommitTransitionAsync(ActiveCommit(Digest(9), supersede: true))).ShouldBeOfType<Committed>();

            occupied.ShouldBe(new ExclusiveStateOccupied(Digest(9), "Active", Digest(1)));
            promoted.Entry.Seq.ShouldBe(sourceAudit.Entries + 2);
            (await target.VerifyAuditAsync()).ShouldBe(new AuditVerification(true, sourceAudit.Entries + 3, null));
            (await target.ReadOutboxAsync(0, 100)).Select(o => o.Id).ShouldBe([.. sourceOutbox.Select(o => o.Id), sourceOutbox[^1].Id + 1]);
            (await target.CreateTokenAsync(new TokenRecord("after-copy", TokenHasher.Hash("after"), ["reader"], [], T0.AddDays(2), "admin"))).ShouldBeTrue();
            (await target.ReadTagHistoryAsync("team/app", "next")).ShouldHaveSingleItem().Id.ShouldBeGreaterThan(
                (await Store.ReadTagHistoryAsync("team/app", null)).Max(m => m.Id));
        }
        finally
        {
            await DisposeStoreAsync(target);
        }
    }

    [Fact]
    public async Task WriteTableAsync_TableNotEmpty_ThrowsAndWritesNothing()
    {
        await RegisterAsync(Digest(1));
        var images = StoreSchema.Find("images");
        var rows = await ReadAllAsync(Store, images);

        await Should.ThrowAsync<InvalidOperationException>(() => Store.WriteTableAsync(images, rows.ToAsyncEnumerable()));

        (await Store.CountRowsAsync())["images"].ShouldBe(1);
    }

    [Fact]
    public async Task WriteTableAsync_RowOfTheWrongShape_ThrowsAndWritesNothing()
    {
        var tokens = StoreSchema.Find("tokens");
        var good = new object?[] { 1L, "a", "hash-a", "[]", "[]", T0, "admin", null };
        var wrongType = new object?[] { 2L, "b", "hash-b", "[]", "[]", "not a time", "admin", null };

        await Should.ThrowAsync<ArgumentException>(() => Store.WriteTableAsync(tokens, new[] { good, wrongType }.ToAsyncEnumerable()));
        await Should.ThrowAsync<ArgumentException>(() => Store.WriteTableAsync(tokens, new[] { good, [2L, "b"] }.ToAsyncEnumerable()));
        await Should.ThrowAsync<ArgumentException>(() => Store.WriteTableAsync(tokens, new[] { good, NullIn(good, 1) }.ToAsyncEnumerable()));

        (await Store.CountRowsAsync())["tokens"].ShouldBe(0);
        (await Store.WriteTableAsync(tokens, new[] { good }.ToAsyncEnumerable())).ShouldBe(1);
        (await Store.ListTokensAsync()).ShouldHaveSingleItem().Name.ShouldBe("a");
    }

    [Fact]
    public async Task ReadTableAsync_TableNotInTheSchema_Throws()
    {
        var invented = new TransferTable("images; DROP TABLE images", "id", [new TransferColumn("id", TransferColumnKind.Integer)]);
        var altered = StoreSchema.Find("images") with { Key = "digest" };

        await Should.ThrowAsync<ArgumentException>(async () => await ReadAllAsync(Store, invented));
        await Should.ThrowAsync<ArgumentException>(async () => await ReadAllAsync(Store, altered));
        await Should.ThrowAsync<ArgumentException>(() => Store.WriteTableAsync(invented, Array.Empty<object?[]>().ToAsyncEnumerable()));
    }

    /// <summary>Puts at least one row in every <see cref="StoreSchema"/> table, nullable columns both set and null.</summary>
    private Task SeedEveryTableAsync() => StoreSeed.SeedEveryTableAsync(Store);

    private static TransitionCommit ActiveCommit(string digest, bool supersede) =>
        new(digest, 1, "Staged", "Active", "promote", "release-bot", null, NoParams, T0.AddDays(2))
        {
            Effects = supersede ? [new EffectTransition("Active", "Deprecated", "superseded")] : [],
            Outbox = [new OutboxMessage("image.promoted", "{}")],
            ExclusiveStates = ExclusiveActive,
        };

    private static Task<List<object?[]>> ReadAllAsync(IVividoStore store, TransferTable table) => StoreSeed.ReadAllAsync(store, table);

    private static object?[] NullIn(object?[] row, int index)
    {
        var copy = (object?[])row.Clone();
        copy[0] = 3L;
        copy[index] = null;
        return copy;
    }
}
