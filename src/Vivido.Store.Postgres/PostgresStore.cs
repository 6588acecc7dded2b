using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

/// <summary>
/// The scale-out store: PostgreSQL through one pooled Npgsql data source, hand-written SQL, embedded
/// migrations. Any number of replicas may share one database: every transaction that appends history
/// or changes a version first locks the one chain head row, so writers serialise in one order (no
/// lost update, gap-free seqs, no deadlocks) at READ COMMITTED. Call <see cref="MigrateAsync"/> before use. Thread-safe.
/// </summary>
public sealed partial class PostgresStore : IVividoStore, IDisposable, IAsyncDisposable
{
    private static readonly string CountRowsSql = string.Join(
        " UNION ALL ", StoreSchema.Tables.Select(t => $"SELECT '{t.Name}', count(*) FROM {t.Name}"));

    private readonly PostgresDatabase _database;
    private readonly PostgresMigrator _migrator;

    /// <summary>A store on the database <paramref name="connectionString"/> names.</summary>
    /// <param name="connectionString">
    /// An Npgsql keyword string or a <c>postgres://</c> URL (see <see cref="PostgresConnectionString.FromUrl"/>); Timeout,
    /// Command Timeout and Application Name get defaults when absent. <see cref="FormatException"/> when malformed.
    /// </param>
    /// <param name="time">Stamps schema_migrations.applied_at; every other time comes from callers.</param>
    public PostgresStore(string connectionString, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _database = new PostgresDatabase(connectionString);
        _migrator = new PostgresMigrator(_database, time ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public string Description => "postgres " + _database.Endpoint;

    internal PostgresDatabase Database => _database;

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default) => _migrator.MigrateAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            // Through the retrying read path: after a database restart the first pooled connection is dead.
            var applied = await _database.ReadAsync(connection => PostgresMigrator.AppliedAsync(connection, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            return PostgresMigrator.Migrations.All(m => applied.Contains(m.Version));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Readiness is a yes/no answer: an unreachable or broken database is simply not ready.
            return false;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> CountRowsAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync<IReadOnlyDictionary<string, long>>(
            async connection =>
            {
                // Table names come from StoreSchema, never from input.
                var rows = await connection.Command(CountRowsSql).ListAsync(r => (Table: r.GetString(0), Count: r.GetInt64(1)), cancellationToken)
                    .ConfigureAwait(false);
                return new SortedDictionary<string, long>(rows.ToDictionary(r => r.Table, r => r.Count), StringComparer.Ordinal);
            },
            cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _database.Source.Dispose();

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
