using Npgsql;

namespace Vivido.Store.Postgres.Tests;

/// <summary>Direct SQL on a store's database, bypassing the store: what someone with database access could do.</summary>
internal static class RawPostgres
{
    public static Task<int> ExecuteAsync(string connectionString, string sql, params object[] parameters) =>
        ExecuteAsync(connectionString, replica: false, sql, parameters);

    /// <summary>Runs <paramref name="sql"/> with <c>session_replication_role = replica</c> (superuser only), which skips ordinary triggers.</summary>
    public static Task<int> ExecuteAsReplicaAsync(string connectionString, string sql, params object[] parameters) =>
        ExecuteAsync(connectionString, replica: true, sql, parameters);

    public static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> map, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>True when any row of any table of the database contains <paramref name="text"/>.</summary>
    public static async Task<bool> ContainsAsync(string connectionString, string text)
    {
        var tables = await QueryAsync(
            connectionString, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", r => r.GetString(0));
        foreach (var table in tables)
        {
            var hits = await QueryAsync(
                connectionString, $"SELECT count(*) FROM \"{table}\" x WHERE strpos(x::text, $1) > 0", r => r.GetInt64(0), text);
            if (hits[0] > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<int> ExecuteAsync(string connectionString, bool replica, string sql, object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        if (replica)
        {
            await using var set = new NpgsqlCommand("SET session_replication_role = replica", connection);
            await set.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteNonQueryAsync();
    }
}
