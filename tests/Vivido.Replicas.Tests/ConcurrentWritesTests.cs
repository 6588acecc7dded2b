using System.Diagnostics;
using Vivido.Replicas.Tests.Support;
using Vivido.Testing;
using Xunit.Abstractions;

namespace Vivido.Replicas.Tests;

/// <summary>
/// Clients spread over three real replicas sharing one PostgreSQL database fire ping-pong events at the
/// same time, with and without If-Match: nothing acknowledged is lost or doubled, versions and the hash
/// chain stay consistent whichever replica wrote.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class ConcurrentWritesTests(PostgresServerFixture postgres, ITestOutputHelper output)
{
    private const int Clients = 12;
    private const int EventsPerClient = 30;

    [Fact]
    public async Task Events_SameDigestsThroughThreeReplicas_EveryAcknowledgedTransitionOnceWithItsOwnVersion()
    {
        await using var cluster = await StartAsync();
        var ledger = new WriteLedger();
        var digests = await RegisterAsync(cluster, ledger, Digests.Repository("shared"), 3);

        await RunClientsAsync(cluster, ledger, (client, replica) => PingPongAsync(replica, ledger, digests, client));

        LedgerAssertions.AnswersAreConsistent(ledger);
        (ledger.Conflicts.Count + ledger.Rejections).ShouldBeGreaterThan(0, "clients on the same digests raced");
        ledger.Transitions.Select(t => t.Entry.Replica).Distinct().Count().ShouldBe(3, "every replica acknowledged transitions");
        await LedgerAssertions.ImagesMatchLedgerAsync(cluster, ledger);
        await LedgerAssertions.AuditMatchesLedgerAsync(cluster.Clients[0], ledger);
    }

    [Fact]
    public async Task Events_OwnDigestsThroughThreeReplicas_EveryWriteAcknowledgedAndPresent()
    {
        await using var cluster = await StartAsync();
        var ledger = new WriteLedger();

        await RunClientsAsync(cluster, ledger, async (client, replica) =>
        {
            var own = await RegisterAsync(replica, ledger, Digests.Repository($"own{client}"), 2);
            await PingPongAsync(replica, ledger, own, client);
        });

        LedgerAssertions.AnswersAreConsistent(ledger);
        ledger.Conflicts.ShouldBeEmpty("no other client touches a client's own digests");
        ledger.Rejections.ShouldBe(0);
        ledger.Transitions.Count.ShouldBe(Clients * EventsPerClient);
        await LedgerAssertions.ImagesMatchLedgerAsync(cluster, ledger);
        await LedgerAssertions.AuditMatchesLedgerAsync(cluster.Clients[0], ledger);
    }

    [Fact]
    public async Task AuditVerify_AfterMixedConcurrentWritesOnThreeReplicas_OkEverywhereWithEveryEntryAndNoGap()
    {
        await using var cluster = await StartAsync();
        var ledger = new WriteLedger();
        var shared = await RegisterAsync(cluster, ledger, Digests.Repository("mixed"), 2);

        await RunClientsAsync(cluster, ledger, async (client, replica) =>
        {
            // Odd clients share two digests, even ones write their own: contention and parallel appends at once.
            var digests = client % 2 == 1 ? shared : await RegisterAsync(replica, ledger, Digests.Repository($"mix{client}"), 1);
            await PingPongAsync(replica, ledger, digests, client);
        });

        LedgerAssertions.AnswersAreConsistent(ledger);
        await LedgerAssertions.AuditVerifiesOnEveryReplicaAsync(cluster, ledger.ExpectedEntries);
        foreach (var replica in cluster.Clients)
        {
            await LedgerAssertions.AuditMatchesLedgerAsync(replica, ledger);
        }
    }

    /// <summary>Client <paramref name="client"/> fires hit/return on <paramref name="digests"/> in turn; even clients send If-Match.</summary>
    private static async Task PingPongAsync(ReplicaClient replica, WriteLedger ledger, IReadOnlyList<string> digests, int client)
    {
        var ifMatch = client % 2 == 0;
        for (var i = 0; i < EventsPerClient; i++)
        {
            var digest = digests[(client + i) % digests.Count];
            var image = await replica.ImageAsync(digest);
            var eventName = image.Str("state") == "Ping" ? "hit" : "return";
            var reply = await replica.FireAsync(digest, eventName, ifMatch ? image.Long("version") : null);
            if (ifMatch)
            {
                // The version is checked before anything is decided: a stale If-Match is a conflict, never a refusal on a state the client did not see.
                reply.Status.ShouldBeOneOf([200, 409], $"{eventName} with If-Match on {replica.ReplicaId}: {reply}");
            }

            ledger.RecordEvent(digest, reply, replica.ReplicaId);
        }
    }

    /// <summary>Runs <see cref="Clients"/> clients at once, client i on replica i mod 3, and reports what they got.</summary>
    private async Task RunClientsAsync(ReplicaCluster cluster, WriteLedger ledger, Func<int, ReplicaClient, Task> work)
    {
        var elapsed = Stopwatch.StartNew();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = Enumerable.Range(0, Clients).Select(i => Task.Run(async () =>
        {
            await start.Task;
            await work(i, cluster.Clients[i % cluster.Clients.Count]);
        })).ToList();
        start.SetResult();
        await Task.WhenAll(clients);
        output.WriteLine(
            $"{Clients} clients on {cluster.Clients.Count} replicas: {ledger.Transitions.Count} acknowledged, {ledger.Conflicts.Count} conflicts (409), " +
            $"{ledger.Rejections} refused (422) in {elapsed.ElapsedMilliseconds} ms");
    }

    private static async Task<IReadOnlyList<string>> RegisterAsync(ReplicaCluster cluster, WriteLedger ledger, string repository, int count)
    {
        var digests = new List<string>();
        for (var i = 0; i < count; i++)
        {
            digests.AddRange(await RegisterAsync(cluster.Clients[i % cluster.Clients.Count], ledger, repository, 1));
        }

        return digests;
    }

    private static async Task<IReadOnlyList<string>> RegisterAsync(ReplicaClient replica, WriteLedger ledger, string repository, int count)
    {
        var digests = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var digest = Digests.New();
            var reply = await replica.RegisterAsync(repository, digest);
            ledger.RecordRegistration(digest, reply).ShouldBeTrue($"register on {replica.ReplicaId}: {reply}");
            digests.Add(digest);
        }

        return digests;
    }

    private async Task<ReplicaCluster> StartAsync() =>
        await ReplicaCluster.StartAsync(await TestDatabase.CreateAsync(postgres.Server), Lifecycles.PingPongExclusive);
}
