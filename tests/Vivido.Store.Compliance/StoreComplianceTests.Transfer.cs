using Vivido.Core.Images;
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
            foreach (var table in StoreSchema.Tables)
            {
                var written = await target.WriteTableAsync(table, Store.ReadTableAsync(table));

                written.ShouldBe((await Store.CountRowsAsync())[table.Name], table.Name);
                var copied = await ReadAllAsync(target, table);
                var original = await ReadAllAsync(Store, table);
                copied.Count.ShouldBe(original.Count, table.Name);
                for (var i = 0; i < original.Count; i++)
                {
                    copied[i].ShouldBe(original[i], $"{table.Name} row {i}");
                }
            }

            (await target.CountRowsAsync()).ShouldBe(await Store.CountRowsAsync());
            (await target.VerifyAuditAsync()).ShouldBe(await Store.VerifyAuditAsync());
            (await target.LoadSnapshotAsync(Digest(1))).ShouldNotBeNull().Facts.Scan.ShouldNotBeNull().Scanner.ShouldBe("trivy");
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
    private async Task SeedEveryTableAsync()
    {
        await ActivateAsync(Digest(1));
        var deprecated = await WalkAsync(Digest(2), "team/app", "Building", "Deprecated");
        await RegisterAsync(Digest(3), tags: ["v3", "latest"]);
        await Store.MoveTagAsync(new TagMoveRequest("team/app", "latest", Digest(1), "deployer", T0.AddHours(2)));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(
            Digest(1), new ScanFact("trivy", 0, 1, 2, 3, 0, 9.5, ["CVE-2024-0001"], T0), "{\"raw\":true}", "application/json", "scanner", T0));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(1), new SbomFact("cyclonedx", 42, T0), null, null, "ci-bot", T0));
        await Store.RecordApprovalAsync(new ApprovalRecord(Digest(1), "carol", "release-manager", null, T0));
        await Store.RecordApprovalAsync(new ApprovalRecord(Digest(1), "dave", "qa", "looks good", T0));
        await Store.RecordVetoAsync(new VetoRecord(Digest(3), "erin", "CVE found", T0.AddHours(3)));
        await Store.RecordDeploymentAsync(new DeploymentReport(Digest(1), "production", "eu-1", "prod-eu", "deployment/app", DeploymentStatus.Healthy, T0));
        await Store.ClaimIdempotencyKeyAsync("ci-bot", "pending-key", "req-p", T0, TimeSpan.FromMinutes(5));
        await Store.SaveIdempotentResultAsync(new IdempotentResult("ci-bot", "done-key", "req-d", 201, "{\"ok\":true}", T0));
        await Store.CreateTokenAsync(new TokenRecord("reader", TokenHasher.Hash("r"), ["reader"], ["team/*"], T0, "admin"));
        await Store.CreateTokenAsync(new TokenRecord("old", TokenHasher.Hash("o"), ["ci"], [], T0, "admin"));
        await Store.RevokeTokenAsync("old", T0.AddDays(1));
        await Store.RecordOverrideAsync(new OverrideRequest(Digest(2), "Deprecated", "Retired", deprecated.Version, "cleanup", "admin-a", T0));
        var rejected = (await Store.RecordOverrideAsync(new OverrideRequest(Digest(2), "Deprecated", "Active", deprecated.Version, "oops", "admin-a", T0)))!;
        await Store.RejectOverrideAsync(rejected.Id, "admin-b", "no", T0.AddHours(1));
        await Store.AppendRejectionAsync(TimerRejection(Digest(2), "retire", T0.AddDays(40)));

        var counts = await Store.CountRowsAsync();
        StoreSchema.Tables.ShouldAllBe(t => counts[t.Name] > 0);
    }

    private static TransitionCommit ActiveCommit(string digest, bool supersede) =>
        new(digest, 1, "Staged", "Active", "promote", "release-bot", null, NoParams, T0.AddDays(2))
        {
            Effects = supersede ? [new EffectTransition("Active", "Deprecated", "superseded")] : [],
            Outbox = [new OutboxMessage("image.promoted", "{}")],
            ExclusiveStates = ExclusiveActive,
        };

    private static async Task<List<object?[]>> ReadAllAsync(IVividoStore store, TransferTable table)
    {
        var rows = new List<object?[]>();
        await foreach (var row in store.ReadTableAsync(table))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static object?[] NullIn(object?[] row, int index)
    {
        var copy = (object?[])row.Clone();
        copy[0] = 3L;
        copy[index] = null;
        return copy;
    }
}
