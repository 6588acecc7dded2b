using Vivido.Testing;

namespace Vivido.Cli.Tests.Support;

/// <summary>One throwaway PostgreSQL server for every CLI test class marked <c>[Collection("postgres")]</c>; each test creates its own database.</summary>
[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>;
