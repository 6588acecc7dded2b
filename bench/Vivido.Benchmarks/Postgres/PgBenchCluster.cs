using System.Globalization;
using Npgsql;
using Vivido.Benchmarks.Common;
using Vivido.Store.Postgres;
using Vivido.Testing;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// Where <c>pg-transitions</c> writes: a throwaway cluster started with the durability settings of
/// production, or the server a <c>--database</c> URL names. Every segment gets a fresh database on it.
/// </summary>
internal sealed class PgBenchCluster : IAsyncDisposable
{
    /// <summary>The test fixture turns these off for speed; a benchmark of durable commits needs them on.</summary>
    private static readonly IReadOnlyDictionary<string, string> DurableSettings = new Dictionary<string, string>
    {
        ["fsync"] = "on",
        ["full_page_writes"] = "on",
        ["synchronous_commit"] = "on",
    };

    private readonly PostgresServer? _server;
    private readonly NpgsqlConnectionStringBuilder _maintenance;
    private int _databases;

    private PgBenchCluster(PostgresServer? server, NpgsqlConnectionStringBuilder maintenance)
    {
        _server = server;
        _maintenance = maintenance;
    }

    /// <summary>The postmaster's process id when the cluster is this run's own (its CPU can then be measured), else null.</summary>
    public int? ServerProcessId => _server?.Pid;

    /// <param name="url">A <c>postgres://</c> URL or keyword string whose user may create databases; null starts a throwaway cluster.</param>
    public static async Task<PgBenchCluster> StartAsync(string? url)
    {
        if (url is null)
        {
            var server = await PostgresServer.StartAsync(DurableSettings).ConfigureAwait(false);
            var own = new PgBenchCluster(server, new NpgsqlConnectionStringBuilder(server.ConnectionString("postgres")) { Pooling = false });
            try
            {
                await own.RequireDurableAsync().ConfigureAwait(false);
                return own;
            }
            catch
            {
                await own.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        NpgsqlConnectionStringBuilder maintenance;
        try
        {
            maintenance = new NpgsqlConnectionStringBuilder(PostgresConnectionString.FromUrl(url)) { Pooling = false };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new BenchUsageException("--database: " + ex.Message);
        }

        var cluster = new PgBenchCluster(null, maintenance);
        try
        {
            await cluster.RequireDurableAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw new BenchUsageException($"--database: cannot use {maintenance.Host}:{maintenance.Port}/{maintenance.Database}: {ex.Message}");
        }

        return cluster;
    }

    /// <summary>One line for the report: the server's version and the settings that decide what a commit costs.</summary>
    public async Task<string> DescribeAsync()
    {
        var connection = new NpgsqlConnection(_maintenance.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand(
                "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), " +
                "current_setting('full_page_writes'), current_setting('wal_sync_method'), current_setting('shared_buffers'), current_setting('commit_delay')",
                connection);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync().ConfigureAwait(false);
                    var where = _server is null ? $"{_maintenance.Host}:{_maintenance.Port}" : $"throwaway cluster on 127.0.0.1:{_server.Port} in {_server.Directory}";
                    return $"PostgreSQL {reader.GetString(0)} ({where}): fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, " +
                           $"full_page_writes={reader.GetString(3)}, wal_sync_method={reader.GetString(4)}, shared_buffers={reader.GetString(5)}, commit_delay={reader.GetString(6)}";
                }
            }
        }
    }

    /// <summary>A new empty database for one segment; dropped when disposed.</summary>
    public async Task<PgBenchDatabase> CreateDatabaseAsync()
    {
        var name = string.Create(
            CultureInfo.InvariantCulture, $"vivido_bench_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}");
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'").ConfigureAwait(false);
        var builder = new NpgsqlConnectionStringBuilder(_maintenance.ConnectionString) { Database = name, Pooling = true };
        return new PgBenchDatabase(name, builder.ConnectionString, DropDatabaseAsync);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Connections a finished segment left open (the sampler's, a pool not yet closed) are ended by FORCE (PostgreSQL 13 and later).
    private Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    private async Task RequireDurableAsync()
    {
        var connection = new NpgsqlConnection(_maintenance.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand("SELECT current_setting('fsync'), current_setting('synchronous_commit')", connection);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync().ConfigureAwait(false);
                    var (fsync, synchronousCommit) = (reader.GetString(0), reader.GetString(1));
                    if (fsync != "on" || synchronousCommit is not ("on" or "remote_write" or "remote_apply"))
                    {
                        throw new BenchUsageException(
                            $"the server runs with fsync={fsync}, synchronous_commit={synchronousCommit}: pg-transitions measures durable commits and needs fsync=on and synchronous_commit=on");
                    }
                }
            }
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        var connection = new NpgsqlConnection(_maintenance.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }
}
