using Microsoft.Data.Sqlite;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

/// <summary>Applies the embedded migrations (Migrations/NNNN_name.sql) in order, each in its own transaction, recording them in schema_migrations.</summary>
internal sealed class SqliteMigrator(SqliteDatabase database, TimeProvider time)
{
    private const string ResourcePrefix = "Vivido.Store.Sqlite.Migrations.";

    private const string CreateLedger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    TEXT    PRIMARY KEY,
            checksum   TEXT    NOT NULL,
            applied_at INTEGER NOT NULL
        );
        """;

    /// <summary>The embedded migrations, in order; the ledger's version is a migration's <see cref="EmbeddedMigration.Name"/> (e.g. <c>0001_init</c>).</summary>
    public static IReadOnlyList<EmbeddedMigration> Migrations { get; } = EmbeddedMigrations.Load(typeof(SqliteMigrator).Assembly, ResourcePrefix);

    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken) =>
        EmbeddedMigrations.ApplyAsync(Migrations, migration => ApplyIfNewAsync(migration, cancellationToken));

    public async Task<IReadOnlySet<string>> AppliedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var exists = await connection.Command("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
            .ScalarInt64Async(cancellationToken).ConfigureAwait(false);
        if (exists is null)
        {
            return new HashSet<string>();
        }

        var versions = await connection.Command("SELECT version FROM schema_migrations")
            .ListAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        return versions.ToHashSet(StringComparer.Ordinal);
    }

    // One transaction per migration; the ledger is re-read inside it so two processes migrating at once apply each script once.
    private Task<bool> ApplyIfNewAsync(EmbeddedMigration migration, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.Command(CreateLedger, transaction).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                var done = await connection.Command("SELECT 1 FROM schema_migrations WHERE version = @v", transaction)
                    .With("@v", migration.Name).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
                if (done is not null)
                {
                    return false;
                }

                await connection.Command(migration.Script, transaction).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                await connection.Command("INSERT INTO schema_migrations (version, checksum, applied_at) VALUES (@v, @c, @at)", transaction)
                    .With("@v", migration.Name).With("@c", migration.Checksum).With("@at", Micros.FromTime(time.GetUtcNow()))
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
}
