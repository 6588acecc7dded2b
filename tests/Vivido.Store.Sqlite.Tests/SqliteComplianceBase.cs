using System.Text;
using Vivido.Core.Storage;
using Vivido.Store.Compliance;

namespace Vivido.Store.Sqlite.Tests;

/// <summary>The shared store contract, on a SQLite file in a temp directory, in either commit mode.</summary>
public abstract class SqliteComplianceBase : StoreComplianceTests
{
    private readonly TempDatabase _database = new();

    /// <summary>Whether the store under test uses group commit.</summary>
    protected abstract bool GroupCommit { get; }

    protected override async Task<IVividoStore> CreateEmptyStoreAsync()
    {
        var store = new SqliteStore(_database.Path, groupCommit: GroupCommit);
        await store.MigrateAsync();
        return store;
    }

    protected override Task DisposeStoreAsync(IVividoStore store)
    {
        ((SqliteStore)store).Dispose();
        _database.Dispose();
        return Task.CompletedTask;
    }

    protected override Task CorruptHistoryEntryAsync(long seq, string reason) =>
        RawSqlite.ExecuteAsync(
            _database.Path,
            "DROP TRIGGER history_no_update; UPDATE history SET reason = @reason WHERE seq = @seq;",
            ("@reason", reason),
            ("@seq", seq));

    protected override Task UpdateHistoryThroughDatabaseAsync(long seq) =>
        RawSqlite.ExecuteAsync(_database.Path, "UPDATE history SET reason = 'rewritten' WHERE seq = @seq", ("@seq", seq));

    protected override Task DeleteHistoryThroughDatabaseAsync(long seq) =>
        RawSqlite.ExecuteAsync(_database.Path, "DELETE FROM history WHERE seq = @seq", ("@seq", seq));

    protected override Task<bool> StorageContainsAsync(string text)
    {
        var bytes = _database.ReadAllBytes();
        return Task.FromResult(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0);
    }
}
