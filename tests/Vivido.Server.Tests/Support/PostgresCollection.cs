using Vivido.Testing;

namespace Vivido.Server.Tests.Support;

/// <summary>One throwaway PostgreSQL server for the server test classes marked <c>[Collection(PostgresCollection.Name)]</c>; each creates its own database. Tests that stop PostgreSQL start their own server instead.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres server";
}
