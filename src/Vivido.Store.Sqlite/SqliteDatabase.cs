using System.Data;
using Microsoft.Data.Sqlite;

namespace Vivido.Store.Sqlite;

/// <summary>
/// Opens pooled connections with the durability settings applied, and runs reads and writes in
/// transactions. Writers are serialised twice: in process (by a gate, or by the group-commit queue)
/// so they queue instead of spinning on SQLITE_BUSY, and across processes by BEGIN IMMEDIATE.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    // synchronous=FULL: a commit is on disk before it is acknowledged, also in WAL mode.
    private const string ConnectionPragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly GroupCommitWriter? _groupCommit;
    private volatile bool _walEnabled;

    public SqliteDatabase(string path, bool groupCommit)
    {
        _groupCommit = groupCommit ? new GroupCommitWriter(OpenAsync) : null;
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_walEnabled)
            {
                // journal_mode is stored in the file, so once per process is enough.
                await connection.Command("PRAGMA journal_mode = WAL;").ExecuteAsync(cancellationToken).ConfigureAwait(false);
                _walEnabled = true;
            }

            await connection.Command(ConnectionPragmas).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a BEGIN IMMEDIATE transaction (possibly shared with other writes, see <see cref="GroupCommitWriter"/>) and returns once it is committed; an exception rolls it back.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _groupCommit is null ? WriteAloneAsync(work, cancellationToken) : _groupCommit.WriteAsync(work, cancellationToken);

    private async Task<T> WriteAloneAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(connection, transaction).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in a deferred (read) transaction, so it sees one consistent snapshot.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: true);
            await using (transaction.ConfigureAwait(false))
            {
                return await work(connection, transaction).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }
}
