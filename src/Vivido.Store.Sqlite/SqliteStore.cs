using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with synchronous=FULL, hand-written parameterised
/// SQL, embedded migrations. Call <see cref="MigrateAsync"/> before use. Thread-safe; one instance per file.
/// </summary>
public sealed partial class SqliteStore : IVividoStore, IDisposable
{
    // The durable tables; leases are transient (a running job's lease would make every count differ).
    private static readonly string[] Tables = [.. StoreSchema.Tables.Select(t => t.Name)];

    private readonly SqliteDatabase _database;
    private readonly SqliteMigrator _migrator;

    /// <summary>A store on the database file at <paramref name="databasePath"/> (created on first use).</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="time">Stamps schema_migrations.applied_at; every other time comes from callers.</param>
    /// <param name="groupCommit">
    /// True (default): concurrent writes share one transaction and one fsync, each isolated by a
    /// savepoint and acknowledged only after the shared commit. False: one transaction per write.
    /// </param>
    public SqliteStore(string databasePath, TimeProvider? time = null, bool groupCommit = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _database = new SqliteDatabase(databasePath, groupCommit);
        _migrator = new SqliteMigrator(_database, time ?? TimeProvider.System);
    }

    /// <summary>The database file's full path.</summary>
    public string DatabasePath => _database.Path;

    /// <inheritdoc />
    public string Description => "sqlite " + _database.Path;

    internal SqliteDatabase Database => _database;

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default) =>
        _migrator.MigrateAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var applied = await _migrator.AppliedAsync(connection, cancellationToken).ConfigureAwait(false);
                return SqliteMigrator.Migrations.All(m => applied.Contains(m.Name));
            }
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> CountRowsAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyDictionary<string, long>>(
            async (connection, transaction) =>
            {
                var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
                foreach (var table in Tables)
                {
                    // Table names come from the constant list above, never from input.
                    counts[table] = await connection.Command("SELECT COUNT(*) FROM " + table, transaction)
                        .ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? 0;
                }

                return counts;
            },
            cancellationToken);

    /// <summary>Releases the pooled connections to the file.</summary>
    public void Dispose() => _database.Dispose();
}
