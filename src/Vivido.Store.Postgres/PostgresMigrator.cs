using Npgsql;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

/// <summary>
/// Applies the embedded migrations (Migrations/NNNN_name.sql) in order, each in its own transaction
/// under a transaction-scoped advisory lock, recording them in schema_migrations: replicas starting at
/// once queue on the lock and each script runs once.
/// </summary>
internal sealed class PostgresMigrator(PostgresDatabase database, TimeProvider time)
{
    /// <summary>The advisory lock key migrations hold ("vivido" in ASCII).</summary>
    public const long LockKey = 0x76697669646F;

    private const string ResourcePrefix = "Vivido.Store.Postgres.Migrations.";

    private const string CreateLedger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL
        )
        """;

    /// <summary>The embedded migrations, in version order.</summary>
    public static IReadOnlyList<EmbeddedMigration> Migrations { get; } = EmbeddedMigrations.Load(typeof(PostgresMigrator).Assembly, ResourcePrefix);

    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken) =>
        EmbeddedMigrations.ApplyAsync(Migrations, migration => ApplyIfNewAsync(migration, cancellationToken));

    /// <summary>The versions recorded in schema_migrations; empty when the table does not exist yet.</summary>
    public static async Task<IReadOnlySet<int>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var exists = await connection.Command("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'")
            .ScalarInt64Async(cancellationToken).ConfigureAwait(false);
        if (exists is null or 0)
        {
            return new HashSet<int>();
        }

        var versions = await connection.Command("SELECT version FROM schema_migrations")
            .ListAsync(r => r.GetInt32(0), cancellationToken).ConfigureAwait(false);
        return versions.ToHashSet();
    }

    private Task<bool> ApplyIfNewAsync(EmbeddedMigration migration, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async transaction =>
            {
                var batch = transaction.Batch();
                await using (batch.ConfigureAwait(false))
                {
                    batch.Add("SELECT pg_advisory_xact_lock($1)").With(LockKey);
                    batch.Add(CreateLedger);
                    batch.Add("SELECT count(*) FROM schema_migrations WHERE version = $1").With(migration.Version);
                    long done;
                    var reader = await transaction.ReadAsync(batch, cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                        done = await reader.FirstRowAsync(r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
                    }

                    if (done > 0)
                    {
                        return false;
                    }
                }

                // The script holds many statements and no parameters: a plain command runs them in order.
                await transaction.Connection.Command(migration.Script).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                var record = transaction.Batch();
                await using (record.ConfigureAwait(false))
                {
                    record.Add("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)")
                        .With(migration.Version).With(migration.Name).With(migration.Checksum).WithTime(time.GetUtcNow());
                    await transaction.ExecuteAsync(record, commit: true, cancellationToken).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);
}
