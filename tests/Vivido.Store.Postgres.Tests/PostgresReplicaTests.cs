using System.Collections.Concurrent;
using Npgsql;
using Vivido.Core.Storage;
using Vivido.Testing;

namespace Vivido.Store.Postgres.Tests;

/// <summary>Three stores with their own data sources on one database behave as one store: the guarantees hold across replicas.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReplicaTests(PostgresServerFixture fixture)
{
    private const int WorkersPerReplica = 8;
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();
    private static readonly string[] ExclusiveActive = ["Active"];

    [Fact]
    public async Task CommitTransitionAsync_ThreeReplicasRacingOnOneDigest_OneWinsPerVersionAndNoUpdateIsLost()
    {
        await using var replicas = await ReplicaSet.CreateAsync(await fixture.CreateDatabaseAsync(), 3);
        var digest = ReplicaSet.Digest(1);
        await replicas.Stores[0].RegisterImageAsync(new ImageRegistration(digest, "team/app", "A", [], NoParams, "ci", T0));
        var committed = new ConcurrentBag<Committed>();

        await replicas.RaceAsync((store, r) => Task.WhenAll(Enumerable.Range(0, WorkersPerReplica).Select(w => Task.Run(async () =>
        {
            // Each worker retries on conflict until its one flip lands.
            while (true)
            {
                var image = (await store.LoadImageAsync(digest))!;
                var result = await store.CommitTransitionAsync(new TransitionCommit(
                    digest, image.Version, image.State, image.State == "A" ? "B" : "A", "flip", $"replica-{r}-worker-{w}", null, NoParams, T0.AddSeconds(1)));
                if (result is Committed c)
                {
                    committed.Add(c);
                    return;
                }

                result.ShouldBeOfType<VersionConflict>();
            }
        }))));

        const int total = 3 * WorkersPerReplica;
        committed.Select(c => c.Image.Version).Order().ShouldBe(Enumerable.Range(2, total).Select(v => (long)v));
        var history = (await replicas.Stores[1].ReadHistoryAsync(digest)).Skip(1).ToList();
        history.Select(h => h.Actor).Distinct().Count().ShouldBe(total);
        for (var i = 1; i < history.Count; i++)
        {
            history[i].From.ShouldBe(history[i - 1].To);
        }

        (await replicas.Stores[2].LoadImageAsync(digest))!.Version.ShouldBe(1 + total);
        (await replicas.Stores[2].VerifyAuditAsync()).ShouldBe(new AuditVerification(true, 1 + total, null));
    }

    [Fact]
    public async Task CommitTransitionAsync_ThreeReplicasOnDifferentDigests_SeqsAreGapFreeAndTheChainVerifies()
    {
        await using var replicas = await ReplicaSet.CreateAsync(await fixture.CreateDatabaseAsync(), 3);
        const int perReplica = 12;

        await replicas.RaceAsync(async (store, r) =>
        {
            for (var n = 0; n < perReplica; n++)
            {
                var digest = ReplicaSet.Digest((r * 100) + n);
                var image = (await store.RegisterImageAsync(new ImageRegistration(digest, $"team/app-{r}", "Building", ["latest"], NoParams, "ci", T0))).Image;
                (await store.CommitTransitionAsync(new TransitionCommit(digest, image.Version, "Building", "Scanned", "scan_passed", "scanner", null, NoParams, T0.AddMinutes(1))))
                    .ShouldBeOfType<Committed>();
                await store.AppendRejectionAsync(new RejectionRecord(digest, "promote", "ci", null, NoParams, T0.AddMinutes(2), "not staged"));
            }
        });

        const int entries = 3 * perReplica * 3;
        var audit = await replicas.Stores[0].ReadAuditAsync(0, 1000);
        audit.Select(e => e.Seq).ShouldBe(Enumerable.Range(1, entries).Select(s => (long)s));
        (await replicas.Stores[1].VerifyAuditAsync()).ShouldBe(new AuditVerification(true, entries, null));
        (await replicas.Stores[2].CountRowsAsync())["tag_moves"].ShouldBe(3 * perReplica);
    }

    [Fact]
    public async Task CommitTransitionAsync_ReplicasPromotingInOneRepository_NeverLeaveTwoExclusiveImages()
    {
        await using var replicas = await ReplicaSet.CreateAsync(await fixture.CreateDatabaseAsync(), 3);
        var outcomes = new List<CommitResult>();
        for (var round = 0; round < 5; round++)
        {
            var staged = new List<ImageRecord>();
            for (var r = 0; r < 3; r++)
            {
                var digest = ReplicaSet.Digest((round * 10) + r);
                staged.Add((await replicas.Stores[r].RegisterImageAsync(new ImageRegistration(digest, "team/app", "Staged", [], NoParams, "ci", T0))).Image);
            }

            // The first round races into a free state (one enters); later rounds supersede (each commit moves the holder out).
            var supersede = round > 0;
            outcomes.AddRange(await replicas.RaceAsync((store, r) => store.CommitTransitionAsync(
                new TransitionCommit(staged[r].Digest, staged[r].Version, "Staged", "Active", "promote", $"replica-{r}", null, NoParams, T0.AddHours(round))
                {
                    Effects = supersede ? [new EffectTransition("Active", "Deprecated", "superseded")] : [],
                    ExclusiveStates = ExclusiveActive,
                })));

            var active = await RawPostgres.QueryAsync(
                replicas.ConnectionString, "SELECT count(*) FROM images WHERE repository = 'team/app' AND (state = 'Active' OR exclusive)", row => row.GetInt64(0));
            active.ShouldBe([1L], $"round {round}");
        }

        outcomes.OfType<Committed>().Count().ShouldBe(1 + (4 * 3));
        outcomes.OfType<ExclusiveStateOccupied>().Count().ShouldBe(2);
        (await replicas.Stores[0].VerifyAuditAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task DirectUpdate_SecondExclusiveImageInTheState_IsRefusedByTheIndex()
    {
        await using var replicas = await ReplicaSet.CreateAsync(await fixture.CreateDatabaseAsync(), 1);
        var store = replicas.Stores[0];
        var first = (await store.RegisterImageAsync(new ImageRegistration(ReplicaSet.Digest(1), "team/app", "Staged", [], NoParams, "ci", T0))).Image;
        await store.RegisterImageAsync(new ImageRegistration(ReplicaSet.Digest(2), "team/app", "Staged", [], NoParams, "ci", T0));
        (await store.CommitTransitionAsync(new TransitionCommit(first.Digest, 1, "Staged", "Active", "promote", "ci", null, NoParams, T0) { ExclusiveStates = ExclusiveActive }))
            .ShouldBeOfType<Committed>();

        var refused = await Should.ThrowAsync<PostgresException>(() => RawPostgres.ExecuteAsync(
            replicas.ConnectionString, "UPDATE images SET state = 'Active', exclusive = true WHERE digest = $1", ReplicaSet.Digest(2)));

        refused.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        refused.ConstraintName.ShouldBe("ux_images_exclusive");
        (await store.LoadRepositoryContextAsync("team/app")).ActiveDigests.ShouldBe([first.Digest]);
    }
}
