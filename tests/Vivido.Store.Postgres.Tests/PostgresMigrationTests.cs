using Npgsql;
using Vivido.Testing;

namespace Vivido.Store.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresServerFixture fixture)
{
    private static readonly DateTimeOffset AppliedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MigrateAsync_FreshDatabase_AppliesEachMigrationOnceAndRecordsIt()
    {
        var connectionString = await fixture.CreateDatabaseAsync();
        await using var store = new PostgresStore(connectionString, new FixedTime(AppliedAt));

        (await store.IsReadyAsync()).ShouldBeFalse();
        var first = await store.MigrateAsync();
        var second = await store.MigrateAsync();

        first.ShouldBe(["0001_init", "0003_evidence_findings", "0004_deployment_progressing"]);
        second.ShouldBeEmpty();
        (await store.IsReadyAsync()).ShouldBeTrue();
        var ledger = await RawPostgres.QueryAsync(
            connectionString, "SELECT version, name, applied_at FROM schema_migrations", r => (r.GetInt32(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)));
        ledger.OrderBy(l => l.Item1).ShouldBe([(1, "0001_init", AppliedAt), (3, "0003_evidence_findings", AppliedAt), (4, "0004_deployment_progressing", AppliedAt)]);
    }

    [Fact]
    public async Task MigrateAsync_ThreeReplicasAtOnce_EachMigrationRunsOnce()
    {
        var connectionString = await fixture.CreateDatabaseAsync();
        var replicas = Enumerable.Range(0, 3).Select(_ => new PostgresStore(connectionString)).ToList();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var runs = replicas.Select(r => Task.Run(async () =>
            {
                await start.Task;
                return await r.MigrateAsync();
            })).ToList();
            start.SetResult();
            var applied = await Task.WhenAll(runs);

            applied.SelectMany(a => a).Order(StringComparer.Ordinal).ShouldBe(["0001_init", "0003_evidence_findings", "0004_deployment_progressing"]);
            foreach (var replica in replicas)
            {
                (await replica.IsReadyAsync()).ShouldBeTrue();
            }

            (await RawPostgres.QueryAsync(connectionString, "SELECT count(*) FROM schema_migrations", r => r.GetInt64(0))).ShouldBe([3L]);
            (await RawPostgres.QueryAsync(connectionString, "SELECT count(*) FROM chain_head", r => r.GetInt64(0))).ShouldBe([1L]);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task MigrateAsync_Schema_HasTheTablesOfStoreSchemaWithTheirColumnsInOrder()
    {
        var connectionString = await fixture.CreateDatabaseAsync();
        await using var store = new PostgresStore(connectionString);
        await store.MigrateAsync();

        foreach (var table in Core.Storage.StoreSchema.Tables)
        {
            var columns = await RawPostgres.QueryAsync(
                connectionString,
                "SELECT column_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
                r => (r.GetString(0), r.GetBoolean(1)),
                table.Name);
            columns.ShouldBe(table.Columns.Select(c => (c.Name, c.Nullable)).ToList(), table.Name);
        }
    }

    [Fact]
    public async Task Description_ConnectionWithPassword_NamesHostPortAndDatabaseOnly()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(fixture.Server.ConnectionString("inventory")) { Password = "s3cret-pw" }.ConnectionString;
        await using var store = new PostgresStore(connectionString);

        store.Description.ShouldBe($"postgres 127.0.0.1:{fixture.Server.Port}/inventory");
    }

    [Fact]
    public async Task IsReadyAsync_DatabaseMissing_IsFalseWithoutThrowing()
    {
        await using var store = new PostgresStore(fixture.Server.ConnectionString("no_such_database"));

        (await store.IsReadyAsync()).ShouldBeFalse();
    }
}
