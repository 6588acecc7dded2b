using System.Collections.Concurrent;
using System.Diagnostics;
using Vivido.Replicas.Tests.Support;
using Vivido.Testing;
using Xunit.Abstractions;

namespace Vivido.Replicas.Tests;

/// <summary>
/// PostgreSQL stops under three replicas that are being written to: every replica answers 503 with
/// Retry-After (and /readyz 503), recovers on its own once the database is back, and nothing half-written
/// is visible.
/// </summary>
public sealed class OutageTests(ITestOutputHelper output)
{
    private const string StoreUnavailable = "urn:vivido:problem:store-unavailable";
    private const int Writers = 6;
    private const int AcknowledgedBeforeStop = 60;

    [Fact]
    public async Task Writes_PostgresStoppedUnderThreeReplicas_503UntilRestartThenRecoverWithNothingHalfWritten()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var cluster = await ReplicaCluster.StartAsync(await TestDatabase.CreateAsync(server), Lifecycles.PingPongExclusive);
        var ledger = new WriteLedger();
        var repository = Digests.Repository("outage");
        var quiet = await RegisterAsync(cluster.Clients[0], ledger, repository);
        var own = new List<string>();
        for (var w = 0; w < Writers; w++)
        {
            own.Add(await RegisterAsync(cluster.Clients[w % 3], ledger, repository));
        }

        // Writers run until the outage stops them; the request each was making then may or may not have committed.
        var interrupted = new ConcurrentDictionary<string, (string Event, ApiReply Reply)>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = own.Select((digest, w) => Task.Run(() => WriteUntilRefusedAsync(cluster.Clients[w % 3], digest, ledger, interrupted, enough))).ToList();
        await Task.WhenAny(enough.Task, Task.WhenAll(writers)).WaitAsync(TimeSpan.FromMinutes(1));
        enough.Task.IsCompleted.ShouldBeTrue($"the writers stopped before the outage: {string.Join("; ", interrupted.Values.Select(i => i.Reply))}");
        await server.StopAsync();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(1));

        interrupted.Count.ShouldBe(Writers, "every writer was stopped by the outage");
        interrupted.Values.ShouldAllBe(i => IsUnavailable(i.Reply), string.Join("; ", interrupted.Values.Select(i => i.Reply)));
        var refusedDuringOutage = new List<string>();
        foreach (var replica in cluster.Clients)
        {
            (await replica.GetAsync("/readyz")).Status.ShouldBe(503, $"/readyz on {replica.ReplicaId}");
            var digest = Digests.New();
            var register = await replica.RegisterAsync(repository, digest);
            IsUnavailable(register).ShouldBeTrue($"register on {replica.ReplicaId}: {register}");
            refusedDuringOutage.Add(digest);
            var fire = await replica.FireAsync(quiet, "hit", ifMatch: 1);
            IsUnavailable(fire).ShouldBeTrue($"event on {replica.ReplicaId}: {fire}");
        }

        await server.RestartAsync();
        var sinceRestart = Stopwatch.StartNew();
        foreach (var replica in cluster.Clients)
        {
            await Poll.UntilAsync(() => replica.GetAsync("/readyz"), r => r.Status == 200, $"/readyz on {replica.ReplicaId} after the restart");
            output.WriteLine($"{replica.ReplicaId} ready {sinceRestart.ElapsedMilliseconds} ms after PostgreSQL accepted connections again");
            var digest = await RegisterAsync(replica, ledger, repository);
            var reply = await replica.FireAsync(digest, "hit");
            reply.Status.ShouldBe(200, $"event on {replica.ReplicaId} after the restart: {reply}");
            ledger.RecordEvent(digest, reply, replica.ReplicaId);
        }

        LedgerAssertions.AnswersAreConsistent(ledger);
        var applied = 0;
        foreach (var (digest, i) in ledger.Registered.Select((d, i) => (d, i)))
        {
            applied += await CheckImageAsync(cluster.Clients[i % 3], ledger, digest, interrupted.GetValueOrDefault(digest).Event);
        }

        output.WriteLine($"{ledger.Transitions.Count} transitions acknowledged; of the {Writers} writes cut off by the outage, {applied} had committed");
        await LedgerAssertions.AuditVerifiesOnEveryReplicaAsync(cluster, ledger.ExpectedEntries + applied);
        var audit = await LedgerAssertions.ReadAuditAsync(cluster.Clients[1]);
        audit.Select(e => e.Long("seq")).ShouldBe(Enumerable.Range(1, audit.Count).Select(i => (long)i), "seqs are gap-free from 1");
        foreach (var replica in cluster.Clients)
        {
            foreach (var digest in refusedDuringOutage)
            {
                (await replica.GetAsync($"/api/v1/images/{digest}")).Status.ShouldBe(404, $"{digest} was refused with 503 and must not exist");
            }

            var image = await replica.ImageAsync(quiet);
            (image.Str("state"), image.Long("version")).ShouldBe(("Ping", 1L), "the events refused with 503 were not applied");
        }
    }

    /// <summary>
    /// The image's accepted entries are the acknowledged ones plus, at most, the one interrupted write at
    /// the end; its version and state agree with them. Returns 1 when the interrupted write was applied.
    /// </summary>
    private static async Task<int> CheckImageAsync(ReplicaClient replica, WriteLedger ledger, string digest, string? interruptedEvent)
    {
        var accepted = (await replica.HistoryAsync(digest)).Where(e => e.Str("kind") == "accepted").ToList();
        var acknowledged = ledger.Transitions.Where(t => t.Entry.Digest == digest).Select(t => t.Entry.Seq).Order().ToList();
        accepted.Skip(1).Take(acknowledged.Count).Select(e => e.Long("seq")).ShouldBe(acknowledged, $"{digest}: every acknowledged transition, in order");
        var extra = accepted.Skip(1 + acknowledged.Count).ToList();
        if (extra.Count > 0)
        {
            extra.ShouldHaveSingleItem($"{digest}: at most the interrupted write is beyond the acknowledged ones");
            extra[0].Str("event").ShouldBe(interruptedEvent, $"{digest}: the extra entry is the interrupted write");
        }

        for (var i = 1; i < accepted.Count; i++)
        {
            accepted[i].StrOrNull("from").ShouldBe(accepted[i - 1].Str("to"), $"{digest}: seq {accepted[i].Long("seq")}");
        }

        var image = await replica.ImageAsync(digest);
        image.Long("version").ShouldBe(accepted.Count, $"{digest}: version = 1 + accepted entries");
        image.Str("state").ShouldBe(accepted[^1].Str("to"), $"{digest}: replaying the history reaches the state");
        return extra.Count;
    }

    /// <summary>Bounces <paramref name="digest"/> between Ping and Pong until an answer is not 200; records that answer.</summary>
    private static async Task WriteUntilRefusedAsync(
        ReplicaClient replica, string digest, WriteLedger ledger, ConcurrentDictionary<string, (string, ApiReply)> interrupted, TaskCompletionSource enough)
    {
        for (var i = 0; ; i++)
        {
            var eventName = i % 2 == 0 ? "hit" : "return";
            var reply = await replica.FireAsync(digest, eventName);
            if (reply.Status != 200)
            {
                interrupted[digest] = (eventName, reply);
                return;
            }

            ledger.RecordEvent(digest, reply, replica.ReplicaId);
            if (ledger.AcknowledgedCount >= AcknowledgedBeforeStop)
            {
                enough.TrySetResult();
            }
        }
    }

    private static async Task<string> RegisterAsync(ReplicaClient replica, WriteLedger ledger, string repository)
    {
        var digest = Digests.New();
        var reply = await replica.RegisterAsync(repository, digest);
        ledger.RecordRegistration(digest, reply).ShouldBeTrue($"register on {replica.ReplicaId}: {reply}");
        return digest;
    }

    private static bool IsUnavailable(ApiReply reply) =>
        reply.Status == 503 && reply.ProblemType == StoreUnavailable && reply.RetryAfter is { } after && after > TimeSpan.Zero;
}
