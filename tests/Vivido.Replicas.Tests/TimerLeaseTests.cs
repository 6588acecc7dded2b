using System.Diagnostics;
using System.Text.Json;
using Vivido.Replicas.Tests.Support;
using Vivido.Testing;
using Xunit.Abstractions;

namespace Vivido.Replicas.Tests;

/// <summary>
/// The timer job across three real replicas: one holds the <c>timers</c> lease; when it is killed with
/// SIGKILL a survivor takes over once the lease expires, and every timer fires exactly once.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class TimerLeaseTests(PostgresServerFixture postgres, ITestOutputHelper output)
{
    private const string TimerActor = "vivido:timer";
    private const int DueAfterKill = 6;
    private static readonly string[] JobArguments = ["--job-interval", "200ms", "--lease-ttl", "3s"];

    [Fact]
    public async Task TimerJob_LeaseHolderKilled_SurvivorTakesOverAndEveryTimerFiresOnceAndARefusalIsRecordedOnce()
    {
        await using var cluster = await ReplicaCluster.StartAsync(await TestDatabase.CreateAsync(postgres.Server), Lifecycles.ShortTimer, JobArguments);
        var holder = (await ActiveLeaseAsync(cluster.Clients[0], _ => true)).Str("holder");
        var ids = cluster.Clients.Select(c => c.ReplicaId).ToList();
        ids.ShouldContain(holder);
        var survivors = cluster.Clients.Where(c => c.ReplicaId != holder).ToList();

        // Refused by the holder's job before the kill; nobody may record it again afterwards.
        var pinned = Digests.New();
        (await survivors[0].RegisterAsync(Digests.Repository("timers"), pinned, new Dictionary<string, string> { ["pinned"] = "yes" })).Status.ShouldBe(201);
        var refusal = (await Poll.UntilAsync(() => TimerEntriesAsync(survivors[0], pinned), e => e.Count > 0, "the pinned image's timer is refused")).ShouldHaveSingleItem();
        refusal.Str("kind").ShouldBe("rejected");
        refusal.Str("detail").ShouldContain("not-pinned");
        refusal.Str("detail").ShouldContain($"replica {holder}");

        await cluster.KillAsync(holder);
        var sinceKill = Stopwatch.StartNew();
        var repository = Digests.Repository("timers");
        var due = new List<string>();
        for (var i = 0; i < DueAfterKill; i++)
        {
            var digest = Digests.New();
            (await survivors[i % survivors.Count].RegisterAsync(repository, digest)).Status.ShouldBe(201);
            due.Add(digest);
        }

        await Poll.UntilAsync(
            async () => (await survivors[0].GetOkAsync($"/api/v1/images?repository={Uri.EscapeDataString(repository)}&state=Done&limit=1000")).Items().Count,
            done => done == DueAfterKill,
            "every timer registered after the kill fires");
        output.WriteLine($"{holder} killed; {DueAfterKill} timers due 2s after registration all fired {sinceKill.ElapsedMilliseconds} ms after the kill (lease TTL 3s)");
        var survivorIds = survivors.Select(s => s.ReplicaId).ToList();
        foreach (var digest in due)
        {
            var fired = (await TimerEntriesAsync(survivors[1], digest)).ShouldHaveSingleItem($"{digest} has exactly one timer entry");
            (fired.Str("kind"), fired.Str("event"), fired.Str("to")).ShouldBe(("accepted", "finish", "Done"));
            var firedBy = fired.Str("detail").Split("; replica ")[^1];
            survivorIds.ShouldContain(firedBy, $"{digest} fired by a survivor: {fired.Str("detail")}");
        }

        var newHolder = (await ActiveLeaseAsync(survivors[0], l => l.Str("holder") != holder)).Str("holder");
        survivorIds.ShouldContain(newHolder);
        foreach (var survivor in survivors)
        {
            (await ActiveLeaseAsync(survivor, _ => true)).Str("holder").ShouldBe(newHolder, $"{survivor.ReplicaId} sees the same holder");
        }

        await TicksAsync(survivors[0], 5);
        (await TimerEntriesAsync(survivors[1], pinned)).ShouldHaveSingleItem("the refusal is recorded once, not once per replica or tick");
        var image = await survivors[1].ImageAsync(pinned);
        (image.Str("state"), image.Long("version")).ShouldBe(("Waiting", 1L));
    }

    /// <summary>The history entries the timer job wrote for <paramref name="digest"/>.</summary>
    private static async Task<IReadOnlyList<JsonElement>> TimerEntriesAsync(ReplicaClient replica, string digest) =>
        [.. (await replica.HistoryAsync(digest)).Where(e => e.Str("actor") == TimerActor)];

    /// <summary>Polls <c>GET /api/v1/jobs</c> until the <c>timers</c> lease is active and satisfies <paramref name="wanted"/>.</summary>
    private static Task<JsonElement> ActiveLeaseAsync(ReplicaClient replica, Func<JsonElement, bool> wanted) =>
        Poll.UntilAsync(
            async () => (await replica.GetOkAsync("/api/v1/jobs")).Items("leases").FirstOrDefault(l => l.Str("name") == "timers"),
            lease => lease.ValueKind == JsonValueKind.Object && lease.GetProperty("active").GetBoolean() && wanted(lease),
            $"an active timers lease as seen by {replica.ReplicaId}");

    /// <summary>Waits for <paramref name="count"/> renewals of the timers lease: each is one tick of the holder's job.</summary>
    private static async Task TicksAsync(ReplicaClient replica, int count)
    {
        var renewals = new HashSet<DateTimeOffset>();
        await Poll.UntilAsync(
            async () =>
            {
                renewals.Add((await ActiveLeaseAsync(replica, _ => true)).GetProperty("expiresAt").GetDateTimeOffset());
                return renewals.Count;
            },
            n => n > count,
            $"{count} ticks of the timer job");
    }
}
