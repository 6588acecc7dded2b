using Npgsql;
using Vivido.Testing;

namespace Vivido.Replicas.Tests.Support;

/// <summary>A fresh, empty database on a test PostgreSQL server, as the replicas (a URL) and raw SQL (a connection string) see it.</summary>
internal sealed record TestDatabase(PostgresServer Server, string Name, string Url, string ConnectionString)
{
    public static async Task<TestDatabase> CreateAsync(PostgresServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var connectionString = await server.CreateDatabaseAsync();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        return new TestDatabase(server, name, server.Url(name), connectionString);
    }

    /// <summary>Runs one statement as the superuser, behind every replica's back.</summary>
    public Task ExecuteAsync(string sql) => Server.ExecuteAsync(Name, sql);
}
