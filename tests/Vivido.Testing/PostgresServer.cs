using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Vivido.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: initdb in a fresh temp directory, then <c>postgres</c> started
/// directly on a free loopback port (through <c>runuser -u postgres</c> when running as root, since
/// PostgreSQL refuses root). Trust authentication, user <c>postgres</c>. Stopped and deleted on dispose,
/// on process exit, and by a watchdog shell if the test process is killed.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(30);
    private static readonly bool AsRoot = Environment.UserName == "root";

    private readonly string _bin;
    private readonly string _dataDirectory;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly OutputTail _log = new();
    private readonly CleanupGuard _guard;
    private Process? _process;
    private int _databases;
    private bool _disposed;

    private PostgresServer(string bin, string directory, int port, IReadOnlyDictionary<string, string> settings)
    {
        _bin = bin;
        Directory = directory;
        _dataDirectory = Path.Combine(directory, "data");
        Port = port;
        _settings = settings;
        _guard = new CleanupGuard(StopChildAtExit, directory);
    }

    /// <summary>The temp directory holding the cluster (data/) and its unix socket.</summary>
    public string Directory { get; }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The postmaster's process id while it runs.</summary>
    public int Pid { get; private set; }

    /// <summary>Starts a fresh cluster with test settings (fsync off: the cluster never outlives the run).</summary>
    public static Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(new Dictionary<string, string>(), cancellationToken);

    /// <summary>Starts a fresh cluster; <paramref name="settings"/> (passed as <c>-c name=value</c>) override the test defaults, e.g. fsync=on for benchmarks.</summary>
    public static async Task<PostgresServer> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bin = PostgresBinaries.Find();
        var directory = System.IO.Directory.CreateTempSubdirectory("vivido-pg-").FullName;
        try
        {
            if (AsRoot)
            {
                await ChildProcess.RunAsync("chown", ["-R", $"{Superuser}:{Superuser}", directory], cancellationToken).ConfigureAwait(false);
            }

            await ChildProcess.RunAsync(
                    AsRoot ? "runuser" : Path.Combine(bin, "initdb"),
                    Command(bin, "initdb", "-D", Path.Combine(directory, "data"), "--auth=trust", "-U", Superuser, "-E", "UTF8", "--no-sync", "--locale=C"),
                    cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            TempDirectory.Delete(directory);
            throw;
        }

        // Another process may take the free port before postgres binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var server = new PostgresServer(bin, directory, LoopbackPort.Free(), settings);
            try
            {
                await server.LaunchAsync(cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch (Exception) when (attempt < 3 && server._log.ToString().Contains("Address already in use", StringComparison.Ordinal))
            {
                server.Detach();
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>An Npgsql connection string for <paramref name="database"/> as the superuser (no password: trust auth).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={Superuser};Database={database}";

    /// <summary>The same as a database URL: <c>postgres://postgres@127.0.0.1:port/database</c>.</summary>
    public string Url(string database) =>
        $"postgres://{Superuser}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(database)}";

    /// <summary>Creates a new empty database (a unique name unless given) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= $"vivido_{Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture)}_{Guid.NewGuid():N}"[..40];
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"database name '{name}' must be lowercase letters, digits and underscores", nameof(name));
        }

        await ExecuteAsync("postgres", $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'").ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Runs one SQL statement as the superuser on <paramref name="database"/> on an unpooled connection.</summary>
    public async Task ExecuteAsync(string database, string sql)
    {
        var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
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

    /// <summary>Stops the server (SIGINT: fast shutdown) and waits for it to exit; the data stays for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            ChildProcess.Signal(Pid, "INT");
            using var deadline = new CancellationTokenSource(StopDeadline);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                ChildProcess.Signal(Pid, "KILL");
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        _guard.StopWatchdog();
        process.Dispose();
        _process = null;
        Pid = 0;
    }

    /// <summary>Starts the server again on the same data directory and port (after <see cref="StopAsync"/>), e.g. to end an outage.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await StopAsync().ConfigureAwait(false);
        await LaunchAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the server and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        NpgsqlConnection.ClearAllPools();

        // The watchdog stays up until postgres has exited, in case the test process dies mid-shutdown.
        await StopAsync().ConfigureAwait(false);
        _guard.Dispose();
        TempDirectory.Delete(Directory);
    }

    private static IEnumerable<string> Command(string bin, string program, params string[] arguments) =>
        AsRoot ? ["-u", Superuser, "--", Path.Combine(bin, program), .. arguments] : arguments;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    private void StopChildAtExit()
    {
        if (_process is { HasExited: false } process)
        {
            ChildProcess.Signal(Pid, "INT");
            if (!process.WaitForExit(StopDeadline))
            {
                ChildProcess.Signal(Pid, "KILL");
            }
        }
    }

    /// <summary>Forgets a server that never started, keeping the directory for the next attempt.</summary>
    private void Detach()
    {
        _guard.Dispose();
        _process?.Dispose();
        _process = null;
        _disposed = true;
    }
}
