using System.Text;
using Vivido.Core.Storage;
using Vivido.Store.Compliance;

namespace Vivido.Store.Sqlite.Tests;

/// <summary>The shared store contract, on a SQLite file in a temp directory, in either commit mode.</summary>
public abstract class SqliteComplianceBase : StoreComplianceTests
{
    // The first database is the store under test, which the raw-SQL hooks below reach; a test may create more.
    private readonly List<TempDatabase> _databases = [];

    /// <summary>Whether the store under test uses group commit.</summary>
    protected abstract bool GroupCommit { get; }

    private TempDatabase Primary => _databases[0];

    protected override async Task<IVividoStore> CreateEmptyStoreAsync()
    {
        var database = new TempDatabase();
        _databases.Add(database);
        var store = new SqliteStore(database.Path, groupCommit: GroupCommit);
        await store.MigrateAsync();
        return store;
    }

    protected override Task DisposeStoreAsync(IVividoStore store)
    {
        var sqlite = (SqliteStore)store;
        sqlite.Dispose();
        var database = _databases.Single(d => Path.GetFullPath(d.Path) == sqlite.DatabasePath);
        database.Dispose();
        return Task.CompletedTask;
    }

    protected override Task CorruptHistoryEntryAsync(long seq, string reason) =>
        RawSqlite.ExecuteAsync(
            Primary.Path,
            "DROP TRIGGER history_no_update; UPDATE history SET reason = @reason WHERE seq = @seq;",
            ("@reason", reason),
            ("@seq", seq));

    protected override Task UpdateHistoryThroughDatabaseAsync(long seq) =>
        RawSqlite.ExecuteAsync(Primary.Path, "UPDATE history SET reason = 'rewritten' WHERE seq = @seq", ("@seq", seq));

    protected override Task DeleteHistoryThroughDatabaseAsync(long seq) =>
        RawSqlite.ExecuteAsync(Primary.Path, "DELETE FROM history WHERE seq = @seq", ("@seq", seq));

    protected override Task<bool> StorageContainsAsync(string text)
    {
        var bytes = Primary.ReadAllBytes();
        return Task.FromResult(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0);
    }
}
