using Vivido.Testing;

namespace Vivido.Replicas.Tests.Support;

/// <summary>The test classes of this assembly share one throwaway PostgreSQL server (a fresh database per test).</summary>
[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "replicas";
}
