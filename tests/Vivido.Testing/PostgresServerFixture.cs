using Xunit;

namespace Vivido.Testing;

/// <summary>
/// One <see cref="PostgresServer"/> shared by the tests of a collection: in the test assembly declare
/// <c>[CollectionDefinition("postgres")] public sealed class PostgresCollection : ICollectionFixture&lt;PostgresServerFixture&gt;;</c>,
/// mark test classes <c>[Collection("postgres")]</c>, take the fixture in their constructor and call
/// <see cref="CreateDatabaseAsync"/> for a fresh database per class or per test.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The running server.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("the PostgreSQL server is not started yet");

    /// <summary>A new empty database; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => Server.CreateDatabaseAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
