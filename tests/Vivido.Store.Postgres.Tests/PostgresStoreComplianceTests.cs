using Vivido.Core.Storage;
using Vivido.Store.Compliance;
using Vivido.Testing;

namespace Vivido.Store.Postgres.Tests;

/// <summary>The shared store contract on PostgreSQL: a fresh database per store, on the assembly's one server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreComplianceTests(PostgresServerFixture fixture) : StoreComplianceTests
{
    private readonly Dictionary<IVividoStore, string> _databases = [];
    private string? _primary;

    /// <summary>The database of the store under test (the first one created), for the raw-SQL hooks.</summary>
    private string Primary => _primary ?? throw new InvalidOperationException("no store created yet");

    protected override async Task<IVividoStore> CreateEmptyStoreAsync()
    {
        var connectionString = await fixture.CreateDatabaseAsync();
        var store = new PostgresStore(connectionString);
        await store.MigrateAsync();
        _databases[store] = connectionString;
        _primary ??= connectionString;
        return store;
    }

    protected override async Task DisposeStoreAsync(IVividoStore store)
    {
        await ((PostgresStore)store).DisposeAsync();
        if (_databases.Remove(store, out var connectionString))
        {
            var name = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database;
            await fixture.Server.ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    // As the superuser, replica mode skips ordinary triggers: the append-only guard is bypassed on purpose.
    protected override Task CorruptHistoryEntryAsync(long seq, string reason) =>
        RawPostgres.ExecuteAsReplicaAsync(Primary, "UPDATE history SET reason = $1 WHERE seq = $2", reason, seq);

    protected override Task UpdateHistoryThroughDatabaseAsync(long seq) =>
        RawPostgres.ExecuteAsync(Primary, "UPDATE history SET reason = 'rewritten' WHERE seq = $1", seq);

    protected override Task DeleteHistoryThroughDatabaseAsync(long seq) =>
        RawPostgres.ExecuteAsync(Primary, "DELETE FROM history WHERE seq = $1", seq);

    protected override Task<bool> StorageContainsAsync(string text) => RawPostgres.ContainsAsync(Primary, text);
}
