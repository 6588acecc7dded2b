using System.Diagnostics;
using Npgsql;
using Vivido.Testing;

namespace Vivido.Store.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task CreateDatabaseAsync_TwoCalls_GivesTwoEmptyDatabasesThatAnswer()
    {
        var first = await fixture.Server.CreateDatabaseAsync();
        var second = await fixture.Server.CreateDatabaseAsync();

        first.ShouldNotBe(second);
        (await CountTablesAsync(first)).ShouldBe(0);
        (await CountTablesAsync(second)).ShouldBe(0);
    }

    [Fact]
    public async Task Url_Database_ConnectsThroughFromUrlAndTheConstructor()
    {
        await fixture.Server.CreateDatabaseAsync("url_target");

        await using var store = new PostgresStore(PostgresConnectionString.FromUrl(fixture.Server.Url("url_target")));

        (await store.MigrateAsync()).ShouldBe(["0001_init", "0003_evidence_findings", "0004_deployment_progressing"]);
        store.Description.ShouldBe($"postgres 127.0.0.1:{fixture.Server.Port}/url_target");
        await using var direct = new PostgresStore(fixture.Server.Url("url_target"));
        (await direct.IsReadyAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task RestartAsync_AfterStop_KeepsTheDataAndDisposeLeavesNoProcessOrDirectory()
    {
        var server = await PostgresServer.StartAsync();
        var directory = server.Directory;
        int pid;
        try
        {
            var connectionString = await server.CreateDatabaseAsync();
            await server.StopAsync();
            server.Pid.ShouldBe(0);

            await server.RestartAsync();

            pid = server.Pid;
            pid.ShouldBeGreaterThan(0);
            (await CountTablesAsync(connectionString)).ShouldBe(0);
        }
        finally
        {
            await server.DisposeAsync();
        }

        Should.Throw<ArgumentException>(() => Process.GetProcessById(pid));
        Directory.Exists(directory).ShouldBeFalse();
    }

    private static async Task<long> CountTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
