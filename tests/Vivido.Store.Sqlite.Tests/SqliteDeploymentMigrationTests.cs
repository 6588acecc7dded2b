using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite.Tests;

/// <summary>Migration 0004 rebuilds <c>deployments</c> for the progressing status: rows, ids and indexes survive.</summary>
public sealed class SqliteDeploymentMigrationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task MigrateAsync_Version3FileWithDeployments_KeepsRowsAndIdsAndAcceptsProgressing()
    {
        var applied = SqliteMigrator.Migrations.Take(3).ToList();
        await RawSqlite.ExecuteAsync(
            _temp.Path,
            string.Concat(applied.Select(m => m.Script)) +
            "CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL);" +
            string.Concat(applied.Select((_, i) => $"INSERT INTO schema_migrations VALUES (@v{i}, @c{i}, 0);")) +
            "INSERT INTO images (id, digest, repository, state, version, entered_state_at, registered_at, attributes) VALUES (1, 'sha256:x', 'team/app', 'Active', 1, 0, 0, '{}');" +
            "INSERT INTO deployments (id, image_id, environment, cluster, namespace, workload, status, first_seen, last_seen) " +
            "VALUES (5, 1, 'prod', 'eu-1', 'shop', 'deployment/api', 'healthy', 0, 10), (9, 1, 'staging', 'eu-1', 'shop', 'deployment/api', 'stopped', 0, 20);",
            [.. applied.SelectMany((m, i) => new[] { ($"@v{i}", (object)m.Name), ($"@c{i}", m.Checksum) })]);
        using var store = new SqliteStore(_temp.Path);

        (await store.MigrateAsync()).ShouldBe(["0004_deployment_progressing"]);

        (await RawSqlite.QueryAsync(_temp.Path, "SELECT id, environment, status FROM deployments ORDER BY id")).ShouldBe(["5|prod|healthy", "9|staging|stopped"]);
        (await RawSqlite.QueryAsync(_temp.Path, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deployments' ORDER BY name"))
            .ShouldBe(["ix_deployments_last_seen", "sqlite_autoindex_deployments_1"]);
        (await store.RecordDeploymentAsync(new DeploymentReport("sha256:x", "prod", "eu-1", "shop", "deployment/api", DeploymentStatus.Progressing, T0))).ShouldBeTrue();
        (await store.ListDeploymentsAsync("sha256:x")).Select(d => (d.Environment, d.Status)).ShouldBe([("prod", DeploymentStatus.Progressing), ("staging", DeploymentStatus.Stopped)]);
        await Should.ThrowAsync<Microsoft.Data.Sqlite.SqliteException>(() => RawSqlite.ExecuteAsync(
            _temp.Path, "INSERT INTO deployments (image_id, environment, cluster, namespace, workload, status, first_seen, last_seen) VALUES (1, 'a', 'b', 'c', 'd', 'running', 0, 0)"));
    }
}
