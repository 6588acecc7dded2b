using Vivido.Core.Images;
using System.Text.Json;
using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

public abstract partial class StoreComplianceTests
{
    private const string RescanTopic = "rescan.requested";
    private static readonly DateTimeOffset RescanNow = T0.AddDays(30);

    [Fact]
    public async Task RequestRescansAsync_MixOfImages_RequestsUnscannedStaleAndLongAgoRequestedOnly()
    {
        // Requested long ago (day 10), then one requested recently (day 29) by a call whose cutoff spares the first.
        await RegisterAsync(Digest(6), "team/app", "Active");
        (await Store.RequestRescansAsync(Rescan(["Active"], T0.AddDays(10), T0.AddDays(3)))).ShouldHaveSingleItem().Digest.ShouldBe(Digest(6));
        await RegisterAsync(Digest(5), "team/app", "Active");
        (await Store.RequestRescansAsync(Rescan(["Active"], T0.AddDays(29), T0.AddDays(5)))).ShouldHaveSingleItem().Digest.ShouldBe(Digest(5));
        await RegisterAsync(Digest(1), "team/app", "Active");
        await RegisterAsync(Digest(2), "team/web", "Active");
        await RegisterAsync(Digest(3), "team/app", "Active");
        await RegisterAsync(Digest(4), "team/app", "Building");
        await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(2), Scan(T0.AddDays(18)), null, null, "scanner", T0.AddDays(18)));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(2), Scan(T0.AddDays(20)), null, null, "scanner", T0.AddDays(20)));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(3), Scan(T0.AddDays(29)), null, null, "scanner", T0.AddDays(29)));
        await Store.AttachEvidenceAsync(new EvidenceAttachment(Digest(3), new SbomFact("spdx", 1, T0), null, null, "ci-bot", T0.AddDays(29)));
        var outboxBefore = await Store.ReadOutboxAsync(0, 100);

        var requested = await Store.RequestRescansAsync(Rescan(["Active", "Staged"], RescanNow, RescanNow.AddDays(-7)));

        requested.Select(r => (r.Digest, r.Repository, r.State, r.LastScannedAt)).ShouldBe(
        [
            (Digest(6), "team/app", "Active", (DateTimeOffset?)null),
            (Digest(1), "team/app", "Active", null),
            (Digest(2), "team/web", "Active", T0.AddDays(20)),
        ]);
        var outbox = (await Store.ReadOutboxAsync(outboxBefore[^1].Id, 100)).ToList();
        outbox.Select(o => o.Id).ShouldBe(requested.Select(r => r.OutboxId));
        outbox.ShouldAllBe(o => o.Seq == null && o.Topic == RescanTopic && o.CreatedAt == RescanNow);
        outboxBefore.ShouldAllBe(o => o.Seq == null);
        using (var payload = JsonDocument.Parse(outbox[2].Payload))
        {
            payload.RootElement.GetProperty("digest").GetString().ShouldBe(Digest(2));
            payload.RootElement.GetProperty("repository").GetString().ShouldBe("team/web");
            payload.RootElement.GetProperty("state").GetString().ShouldBe("Active");
            payload.RootElement.GetProperty("lastScannedAt").GetDateTimeOffset().ShouldBe(T0.AddDays(20));
            payload.RootElement.GetProperty("requestedAt").GetDateTimeOffset().ShouldBe(RescanNow);
        }

        JsonDocument.Parse(outbox[0].Payload).RootElement.GetProperty("lastScannedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await Store.RequestRescansAsync(Rescan(["Active"], RescanNow.AddMinutes(1), RescanNow.AddDays(-7)))).ShouldBeEmpty();
        (await Store.CountRowsAsync())["rescan_requests"].ShouldBe(4);
        (await Store.VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task RequestRescansAsync_Limit_TakesTheOldestImagesFirstAndTheRestNextTime()
    {
        for (var i = 1; i <= 5; i++)
        {
            await RegisterAsync(Digest(i), "team/app", "Active");
        }

        var first = await Store.RequestRescansAsync(Rescan(["Active"], RescanNow, RescanNow.AddDays(-7)) with { Limit = 3 });
        var second = await Store.RequestRescansAsync(Rescan(["Active"], RescanNow, RescanNow.AddDays(-7)) with { Limit = 3 });

        first.Select(r => r.Digest).ShouldBe([Digest(1), Digest(2), Digest(3)]);
        second.Select(r => r.Digest).ShouldBe([Digest(4), Digest(5)]);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.RequestRescansAsync(Rescan(["Active"], RescanNow, RescanNow) with { Limit = 0 }));
    }

    [Fact]
    public async Task RequestRescansAsync_ConcurrentCalls_OneOutboxRowPerImage()
    {
        const int images = 40;
        for (var i = 1; i <= images; i++)
        {
            await RegisterAsync(Digest(i), "team/app", "Active");
        }

        var calls = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            () => Store.RequestRescansAsync(Rescan(["Active"], RescanNow, RescanNow.AddDays(-7))))));

        calls.SelectMany(c => c).Select(r => r.Digest).Order(StringComparer.Ordinal).ShouldBe(
            Enumerable.Range(1, images).Select(Digest).Order(StringComparer.Ordinal));
        var outbox = await Store.ReadOutboxAsync(0, 1000);
        outbox.Count.ShouldBe(images);
        outbox.Select(o => JsonDocument.Parse(o.Payload).RootElement.GetProperty("digest").GetString()).Distinct().Count().ShouldBe(images);
    }

    /// <summary>A re-scan request at <paramref name="at"/>: scans and requests older than <paramref name="cutoff"/> are stale.</summary>
    protected static RescanRequest Rescan(string[] states, DateTimeOffset at, DateTimeOffset cutoff) =>
        new(states, cutoff, cutoff, 100, at, RescanTopic);
}
