using Vivido.Store.Sqlite;

namespace Vivido.Core.Tests.Support;

/// <summary>A migrated SQLite store in a temp folder, deleted on dispose.</summary>
internal sealed class SqliteFixture : IAsyncDisposable
{
    private readonly string _directory;

    private SqliteFixture(string directory, SqliteStore store)
    {
        _directory = directory;
        Store = store;
    }

    public SqliteStore Store { get; }

    public static async Task<SqliteFixture> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("vivido-core-").FullName;
        var store = new SqliteStore(Path.Combine(directory, "vivido.db"));
        await store.MigrateAsync();
        return new SqliteFixture(directory, store);
    }

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle still open; the OS temp cleaner takes it.
        }

        return ValueTask.CompletedTask;
    }
}
