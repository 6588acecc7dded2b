using Vivido.Testing;

namespace Vivido.Store.Postgres.Tests;

/// <summary>Every test class of this assembly shares one throwaway PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    /// <summary>The collection name test classes opt into.</summary>
    public const string Name = "postgres";
}
