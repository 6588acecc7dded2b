using System.Globalization;
using System.Text.Json;

namespace Vivido.Replicas.Tests.Support;

/// <summary>Checks what the database holds, read back through the replicas, against what they acknowledged.</summary>
internal static class LedgerAssertions
{
    private const int AuditPage = 1000;

    /// <summary>No answer other than 2xx, 409 <c>version-conflict</c> and 422; acknowledged entries have distinct seqs and (digest, version) pairs.</summary>
    public static void AnswersAreConsistent(WriteLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ledger.Unexpected.ShouldBeEmpty($"answers other than 2xx, 409 and 422: {string.Join("; ", ledger.Unexpected)}");
        ledger.Conflicts.ShouldAllBe(c => c.ProblemType == "urn:vivido:problem:version-conflict", "a 409 that is not a version conflict");
        var seqs = ledger.Transitions.Select(t => t.Entry.Seq).Concat(ledger.Effects.Select(e => e.Seq)).ToList();
        seqs.Distinct().Count().ShouldBe(seqs.Count, "two acknowledged entries share a seq");
        var versions = ledger.Transitions.Select(t => (t.Entry.Digest, t.Version)).ToList();
        versions.Distinct().Count().ShouldBe(versions.Count, "two acknowledged transitions share a (digest, version)");
    }

    /// <summary><c>GET /api/v1/audit/verify</c> on every running replica: ok, with exactly <paramref name="expectedEntries"/> entries.</summary>
    public static async Task AuditVerifiesOnEveryReplicaAsync(ReplicaCluster cluster, int expectedEntries)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        foreach (var client in cluster.Running)
        {
            var verify = await client.GetOkAsync("/api/v1/audit/verify");
            verify.GetProperty("ok").GetBoolean().ShouldBeTrue($"{client.ReplicaId}: {verify}");
            verify.Long("entries").ShouldBe(expectedEntries, $"{client.ReplicaId}: entries = registrations + accepted + effects + rejected");
            verify.GetProperty("firstBadSeq").ValueKind.ShouldBe(JsonValueKind.Null);
        }
    }

    /// <summary>The whole audit, page by page, in seq order.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ReadAuditAsync(ReplicaClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var entries = new List<JsonElement>();
        long since = 0;
        while (true)
        {
            var page = await client.GetOkAsync($"/api/v1/audit?since={since.ToString(CultureInfo.InvariantCulture)}&limit={AuditPage}");
            entries.AddRange(page.Items());
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                return entries;
            }

            since = page.Long("next");
        }
    }

    /// <summary>
    /// The audit is gap-free (seqs 1..N) and holds exactly the ledger: one registration entry per 201, each
    /// acknowledged transition and effect at its seq, and one rejected entry per 422.
    /// </summary>
    public static async Task AuditMatchesLedgerAsync(ReplicaClient client, WriteLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var audit = await ReadAuditAsync(client);
        audit.Select(e => e.Long("seq")).ShouldBe(Enumerable.Range(1, audit.Count).Select(i => (long)i), "seqs are gap-free from 1");
        audit.Count.ShouldBe(ledger.ExpectedEntries);
        audit.Count(e => e.Str("event") == "register").ShouldBe(ledger.Registered.Count);
        audit.Count(e => e.Str("kind") == "rejected").ShouldBe(ledger.Rejections);
        var accepted = audit.Where(e => e.Str("kind") == "accepted" && e.Str("event") != "register").ToDictionary(e => e.Long("seq"));
        accepted.Count.ShouldBe(ledger.Transitions.Count + ledger.Effects.Count, "every accepted entry was acknowledged");
        foreach (var acknowledged in ledger.Transitions.Select(t => t.Entry).Concat(ledger.Effects))
        {
            accepted.TryGetValue(acknowledged.Seq, out var entry).ShouldBeTrue($"acknowledged {acknowledged} is not in the audit");
            (entry.Str("digest"), entry.Str("event"), entry.StrOrNull("from"), entry.Str("to"))
                .ShouldBe((acknowledged.Digest, acknowledged.Event, acknowledged.From, acknowledged.To), $"seq {acknowledged.Seq}");
        }
    }

    /// <summary>
    /// Per registered image, read through the replicas in turn: its accepted entries are exactly the ones
    /// acknowledged for it, its version is 1 + those, replaying them reaches its state, and it has one
    /// rejected entry per 422.
    /// </summary>
    public static async Task ImagesMatchLedgerAsync(ReplicaCluster cluster, WriteLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(ledger);
        var clients = cluster.Running;
        var index = 0;
        foreach (var digest in ledger.Registered)
        {
            var client = clients[index++ % clients.Count];
            var acknowledged = ledger.Transitions.Select(t => t.Entry).Concat(ledger.Effects).Where(e => e.Digest == digest).Select(e => e.Seq).Order().ToList();
            var history = await client.HistoryAsync(digest);
            var accepted = history.Where(e => e.Str("kind") != "rejected").ToList();
            accepted[0].Str("event").ShouldBe("register");
            accepted.Skip(1).Select(e => e.Long("seq")).ShouldBe(acknowledged, $"{digest}: every acknowledged entry exactly once, and no other");
            for (var i = 1; i < accepted.Count; i++)
            {
                accepted[i].StrOrNull("from").ShouldBe(accepted[i - 1].Str("to"), $"{digest}: seq {accepted[i].Long("seq")} starts where the previous entry ended");
            }

            var image = await client.ImageAsync(digest);
            image.Long("version").ShouldBe(accepted.Count, $"{digest}: version = 1 + accepted entries");
            image.Str("state").ShouldBe(accepted[^1].Str("to"), $"{digest}: replaying the history reaches the state");
            history.Count(e => e.Str("kind") == "rejected").ShouldBe(ledger.RejectionsOf(digest), $"{digest}: one rejected entry per 422");
            var versionAfter = accepted.Select((e, i) => (Seq: e.Long("seq"), Version: i + 1L)).ToDictionary(p => p.Seq, p => p.Version);
            foreach (var (entry, version) in ledger.Transitions.Where(t => t.Entry.Digest == digest))
            {
                version.ShouldBe(versionAfter[entry.Seq], $"{digest}: the version acknowledged with seq {entry.Seq} is the one its entry produced");
            }
        }
    }
}
