using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    [Fact]
    public async Task CommitTransitionAsync_ExpectedVersion_MovesStateAndAppendsEntry()
    {
        await RegisterAsync(Digest(1));
        var parameters = new Dictionary<string, string> { ["to"] = "Scanned", ["ticket"] = "OPS-1" };

        var result = await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(1), 1, "Building", "Scanned", "scan_passed", "scanner", "clean", parameters, T0.AddHours(1)) { Detail = "score 9.5" });

        var committed = result.ShouldBeOfType<Committed>();
        committed.Image.State.ShouldBe("Scanned");
        committed.Image.Version.ShouldBe(2);
        committed.Image.EnteredStateAt.ShouldBe(T0.AddHours(1));
        committed.EffectEntries.ShouldBeEmpty();
        committed.Entry.ShouldBe(committed.Entry with
        {
            Seq = 2, Digest = Digest(1), From = "Building", To = "Scanned", Event = "scan_passed", Actor = "scanner",
            Reason = "clean", At = T0.AddHours(1), Kind = HistoryKind.Accepted, Detail = "score 9.5",
        });
        committed.Entry.Params.ShouldBe(parameters, ignoreOrder: true);
        (await Store.LoadImageAsync(Digest(1))).ShouldNotBeNull().ShouldMatch(committed.Image);
        var history = await Store.ReadHistoryAsync(Digest(1));
        history.Count.ShouldBe(2);
        history[1].ShouldMatch(committed.Entry);
    }

    [Fact]
    public async Task CommitTransitionAsync_StaleVersion_ReturnsConflictAndWritesNothing()
    {
        await WalkAsync(Digest(1), "team/app", "Building", "Scanned");
        await WalkAsync(Digest(2), "team/app", "Active");
        var counts = await Store.CountRowsAsync();

        var result = await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(1), 1, "Building", "Active", "promote", "ci-bot", null, NoParams, T0.AddHours(1))
        {
            Effects = [new EffectTransition("Active", "Deprecated", "superseded")],
            Outbox = [new OutboxMessage("image.promoted", "{}")],
        });

        result.ShouldBe(new VersionConflict(Digest(1), 1, 2));
        (await Store.CountRowsAsync()).ShouldBe(counts);
        (await Store.LoadImageAsync(Digest(1)))!.State.ShouldBe("Scanned");
        (await Store.LoadImageAsync(Digest(2)))!.State.ShouldBe("Active");
    }

    [Fact]
    public async Task CommitTransitionAsync_UnknownDigest_ReturnsConflictWithoutVersion()
    {
        var result = await CommitAsync(Digest(7), 1, "Building", "Scanned");

        result.ShouldBe(new VersionConflict(Digest(7), 1, null));
        (await Store.ReadAuditAsync(0, 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CommitTransitionAsync_SupersedeEffect_MovesOtherActiveDigestsOfTheRepositoryOnly()
    {
        var old = await WalkAsync(Digest(1), "team/app", "Staged", "Active");
        await WalkAsync(Digest(2), "other/app", "Staged", "Active");
        var next = await WalkAsync(Digest(3), "team/app", "Staged");

        var result = await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(3), next.Version, "Staged", "Active", "promote", "release-bot", "go", NoParams, T0.AddDays(1))
        {
            Effects = [new EffectTransition("Active", "Deprecated", "superseded")],
        });

        var committed = result.ShouldBeOfType<Committed>();
        committed.EffectEntries.Count.ShouldBe(1);
        committed.EffectEntries[0].ShouldBe(committed.EffectEntries[0] with
        {
            Seq = committed.Entry.Seq + 1, Digest = Digest(1), From = "Active", To = "Deprecated", Event = "superseded",
            Actor = "release-bot", Kind = HistoryKind.Accepted, At = T0.AddDays(1), PrevHash = committed.Entry.Hash,
        });
        var superseded = (await Store.LoadImageAsync(Digest(1)))!;
        superseded.State.ShouldBe("Deprecated");
        superseded.Version.ShouldBe(old.Version + 1);
        superseded.EnteredStateAt.ShouldBe(T0.AddDays(1));
        (await Store.LoadImageAsync(Digest(2)))!.State.ShouldBe("Active");
        (await Store.LoadRepositoryContextAsync("team/app")).ActiveDigests.ShouldBe([Digest(3)]);
        (await Store.VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task CommitTransitionAsync_WithOutbox_WritesRowsLinkedToTheEntry()
    {
        await RegisterAsync(Digest(1));

        var committed = (await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(1), 1, "Building", "Scanned", "scan_passed", "scanner", null, NoParams, T0.AddMinutes(5))
        {
            Outbox = [new OutboxMessage("image.scanned", "{\"digest\":1}"), new OutboxMessage("image.any", "{}")],
        })).ShouldBeOfType<Committed>();

        var outbox = await Store.ReadOutboxAsync(0, 10);
        outbox.Select(o => (o.Seq, o.Topic, o.Payload, o.CreatedAt)).ShouldBe(
        [
            (committed.Entry.Seq, "image.scanned", "{\"digest\":1}", T0.AddMinutes(5)),
            (committed.Entry.Seq, "image.any", "{}", T0.AddMinutes(5)),
        ]);
        outbox[1].Id.ShouldBeGreaterThan(outbox[0].Id);
        (await Store.ReadOutboxAsync(outbox[0].Id, 10)).Select(o => o.Id).ShouldBe([outbox[1].Id]);
    }

    [Fact]
    public async Task CommitTransitionAsync_Override_RecordsKindOverride()
    {
        await RegisterAsync(Digest(1));

        var committed = (await Store.CommitTransitionAsync(new TransitionCommit(
            Digest(1), 1, "Building", "Active", "override", "admin", "hotfix", NoParams, T0.AddMinutes(1), HistoryKind.Override)))
            .ShouldBeOfType<Committed>();

        committed.Entry.Kind.ShouldBe(HistoryKind.Override);
        committed.Image.State.ShouldBe("Active");
        (await Store.ReadHistoryAsync(Digest(1)))[^1].Kind.ShouldBe(HistoryKind.Override);
    }

    [Fact]
    public async Task CommitTransitionAsync_KindRejected_IsRefused()
    {
        await RegisterAsync(Digest(1));

        await Should.ThrowAsync<ArgumentException>(() => Store.CommitTransitionAsync(new TransitionCommit(
            Digest(1), 1, "Building", "Scanned", "x", "a", null, NoParams, T0, HistoryKind.Rejected)));
        (await Store.ReadHistoryAsync(Digest(1))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task CommitTransitionAsync_FromIsNotTheStoredState_ThrowsAndWritesNothing()
    {
        await RegisterAsync(Digest(1));

        await Should.ThrowAsync<ArgumentException>(() => CommitAsync(Digest(1), 1, "Staged", "Active"));

        (await Store.LoadImageAsync(Digest(1)))!.State.ShouldBe("Building");
        (await Store.ReadHistoryAsync(Digest(1))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task AppendRejectionAsync_KnownDigest_RecordsRejectedEntryWithoutStateChange()
    {
        var image = await WalkAsync(Digest(1), "team/app", "Building", "Scanned");
        var parameters = new Dictionary<string, string> { ["env"] = "prod" };

        var entry = (await Store.AppendRejectionAsync(new RejectionRecord(
            Digest(1), "promote", "mallory", "please", parameters, T0.AddHours(2), "not allowed from Scanned; allowed: staged, expire")))
            .ShouldNotBeNull();

        entry.ShouldBe(entry with
        {
            Kind = HistoryKind.Rejected, From = "Scanned", To = null, Event = "promote", Actor = "mallory", Reason = "please",
            Detail = "not allowed from Scanned; allowed: staged, expire", At = T0.AddHours(2),
        });
        entry.Params.ShouldBe(parameters);
        (await Store.LoadImageAsync(Digest(1))).ShouldNotBeNull().ShouldMatch(image);
        (await Store.ReadHistoryAsync(Digest(1)))[^1].ShouldMatch(entry);
        (await Store.VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task AppendRejectionAsync_UnknownDigest_ReturnsNullAndWritesNothing()
    {
        (await Store.AppendRejectionAsync(new RejectionRecord(Digest(3), "promote", "a", null, NoParams, T0, "nope"))).ShouldBeNull();
        (await Store.CountRowsAsync())["history"].ShouldBe(0);
    }
}
