using Vivido.Replicas.Tests.Support;
using Vivido.Testing;

namespace Vivido.Replicas.Tests;

/// <summary>Replicas deployed together start together: on an empty database each must come up, with one shared admin token.</summary>
[Collection(ReplicaCollection.Name)]
public sealed class StartupTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Serve_ThreeReplicasStartingAtOnceOnAnEmptyDatabase_EveryReplicaServesWithOneAdminToken()
    {
        await using var cluster = await ReplicaCluster.StartAsync(await TestDatabase.CreateAsync(postgres.Server), Lifecycles.PingPongExclusive, allAtOnce: true);

        cluster.Replicas.Count.ShouldBe(3);
        foreach (var replica in cluster.Clients)
        {
            var tokens = (await replica.GetOkAsync("/api/v1/tokens")).Items();
            tokens.ShouldHaveSingleItem($"tokens seen by {replica.ReplicaId}").Str("name").ShouldBe("admin");
        }
    }
}
