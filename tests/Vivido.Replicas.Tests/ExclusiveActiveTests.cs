using Npgsql;
using Vivido.Replicas.Tests.Support;
using Vivido.Testing;

namespace Vivido.Replicas.Tests;

/// <summary>
/// Racing promotions of one repository's digests through three replicas: the exclusive Active state ends
/// with exactly one holder, each promotion superseding the one before it, and the database itself refuses
/// a second exclusive Active row.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class ExclusiveActiveTests(PostgresServerFixture postgres)
{
    private const int Promotions = 15;

    [Fact]
    public async Task Promote_RacingDigestsOfOneRepositoryOnThreeReplicas_ExactlyOneActiveAndEveryOtherDeprecated()
    {
        var database = await TestDatabase.CreateAsync(postgres.Server);
        await using var cluster = await ReplicaCluster.StartAsync(database, Lifecycles.PingPongExclusive);
        var ledger = new WriteLedger();
        var repository = Digests.Repository("exclusive");
        var digests = new List<string>();
        for (var i = 0; i < Promotions; i++)
        {
            var digest = Digests.New();
            ledger.RecordRegistration(digest, await cluster.Clients[i % 3].RegisterAsync(repository, digest)).ShouldBeTrue();
            digests.Add(digest);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = digests.Select((digest, i) => Task.Run(async () =>
        {
            await start.Task;
            var replica = cluster.Clients[i % 3];
            ledger.RecordEvent(digest, await replica.FireAsync(digest, "promote"), replica.ReplicaId);
        })).ToList();
        start.SetResult();
        await Task.WhenAll(racing);

        LedgerAssertions.AnswersAreConsistent(ledger);
        ledger.Transitions.Count.ShouldBe(Promotions, $"every promotion is accepted: {string.Join("; ", ledger.Conflicts)}");
        var bySeq = ledger.Transitions.Select(t => t.Entry).OrderBy(e => e.Seq).ToList();
        var superseded = ledger.Effects.ToLookup(e => e.Digest);
        for (var i = 1; i < bySeq.Count; i++)
        {
            // Promotions commit one after the other, each superseding the one committed just before it.
            var effect = superseded[bySeq[i - 1].Digest].ShouldHaveSingleItem($"{bySeq[i - 1].Digest} is superseded once");
            (effect.Event, effect.From, effect.To, effect.CausedBy).ShouldBe(("superseded", "Active", "Deprecated", bySeq[i].Seq));
        }

        var winner = bySeq[^1].Digest;
        superseded[winner].ShouldBeEmpty();
        foreach (var replica in cluster.Clients)
        {
            (await ListAsync(replica, repository, "Active")).ShouldBe([winner], $"Active on {replica.ReplicaId}");
            (await ListAsync(replica, repository, "Deprecated")).ShouldBe(digests.Where(d => d != winner), ignoreOrder: true);
        }

        var loser = digests.First(d => d != winner);
        var refused = await Should.ThrowAsync<PostgresException>(() => database.ExecuteAsync(
            $"UPDATE images SET state = 'Active', exclusive = true, version = version + 1 WHERE digest = '{loser}'"));
        (refused.SqlState, refused.ConstraintName).ShouldBe((PostgresErrorCodes.UniqueViolation, "ux_images_exclusive"));
        (await ListAsync(cluster.Clients[0], repository, "Active")).ShouldBe([winner]);
        await LedgerAssertions.ImagesMatchLedgerAsync(cluster, ledger);
        await LedgerAssertions.AuditVerifiesOnEveryReplicaAsync(cluster, ledger.ExpectedEntries);
        await LedgerAssertions.AuditMatchesLedgerAsync(cluster.Clients[0], ledger);
    }

    private static async Task<IReadOnlyList<string>> ListAsync(ReplicaClient replica, string repository, string state) =>
        [.. (await replica.GetOkAsync($"/api/v1/images?repository={Uri.EscapeDataString(repository)}&state={state}&limit=1000")).Items().Select(i => i.Str("digest"))];
}
