using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

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

    /// <summary>The embedded migrations, by version (file name without extension), in order.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = LoadMigrations();

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var applied = new List<string>();
        foreach (var migration in Migrations)
        {
            // One transaction per migration; the ledger is re-read inside it so two processes migrating at once apply each script once.
            var ran = await database.WriteAsync(
                async (connection, transaction) =>
                {
                    await connection.Command(CreateLedger, transaction).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    var done = await connection.Command("SELECT 1 FROM schema_migrations WHERE version = @v", transaction)
                        .With("@v", migration.Version).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
                    if (done is not null)
                    {
                        return false;
                    }

                    await connection.Command(migration.Script, transaction).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    await connection.Command("INSERT INTO schema_migrations (version, checksum, applied_at) VALUES (@v, @c, @at)", transaction)
                        .With("@v", migration.Version).With("@c", migration.Checksum).With("@at", Micros.FromTime(time.GetUtcNow()))
                        .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            if (ran)
            {
                applied.Add(migration.Version);
            }
        }

        return applied;
    }

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

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n))
            .ToList();
    }

    private static Migration Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"migration resource {resource} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var script = reader.ReadToEnd();
        var version = resource[ResourcePrefix.Length..^".sql".Length];
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        return new Migration(version, script, checksum);
    }

    /// <summary>One embedded migration script.</summary>
    internal sealed record Migration(string Version, string Script, string Checksum);
}
