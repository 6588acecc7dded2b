using System.Data;
using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Sqlite;

namespace Vivido.Benchmarks.Transitions;

/// <summary>
/// One thread of the raw ceiling: plain single-row SQLite transactions doing what a transition writes
/// (read the row, compare-and-swap state + version, history insert with its SHA-256 chain hash), on
/// its own connection with the store's pragmas and prepared statements.
/// </summary>
internal sealed class RawWriter : IDisposable
{
    private const string Actor = "bench";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _read;
    private readonly SqliteCommand _swap;
    private readonly SqliteCommand _head;
    private readonly SqliteCommand _insert;
    private readonly IReadOnlyDictionary<string, string> _noParams = new Dictionary<string, string>();

    public RawWriter(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;");
        _read = Prepare("SELECT id, state, version FROM images WHERE digest = @digest", "@digest");
        _swap = Prepare("UPDATE images SET state = @to, version = version + 1, entered_state_at = @at WHERE id = @id AND version = @version", "@to", "@at", "@id", "@version");
        _head = Prepare("SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1");
        _insert = Prepare(
            "INSERT INTO history (seq, image_id, kind, event, from_state, to_state, actor, reason, detail, params, at, prev_hash, hash) " +
            "VALUES (@seq, @image, 'accepted', @event, @from, @to, @actor, NULL, NULL, '{}', @at, @prev, @hash)",
            "@seq", "@image", "@event", "@from", "@to", "@actor", "@at", "@prev", "@hash");
    }

    /// <summary>Flips <paramref name="digest"/> to its other state in one BEGIN IMMEDIATE transaction, committed with synchronous=FULL.</summary>
    public void Flip(string digest, DateTimeOffset at)
    {
        using var transaction = _connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        _read.Transaction = transaction;
        _read.Parameters["@digest"].Value = digest;
        long id;
        string from;
        long version;
        using (var reader = _read.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new InvalidOperationException($"raw ceiling: {digest} is missing");
            }

            (id, from, version) = (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
        }

        var to = PingPongLifecycle.Next(from);
        var micros = Micros.FromTime(at);
        _swap.Transaction = transaction;
        SetAll(_swap, ("@to", to), ("@at", micros), ("@id", id), ("@version", version));
        if (_swap.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"raw ceiling: compare-and-swap on {digest} failed under the write lock");
        }

        _head.Transaction = transaction;
        long seq;
        string previous;
        using (var reader = _head.ExecuteReader())
        {
            (seq, previous) = reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, HistoryChain.GenesisHash);
        }

        var entry = HistoryChain.Seal(new HistoryEntry(
            seq + 1, digest, from, to, PingPongLifecycle.EventFrom(from), Actor, null, _noParams, at, HistoryKind.Accepted, null, previous, string.Empty));
        _insert.Transaction = transaction;
        SetAll(
            _insert,
            ("@seq", entry.Seq), ("@image", id), ("@event", entry.Event), ("@from", from), ("@to", to), ("@actor", Actor),
            ("@at", micros), ("@prev", previous), ("@hash", entry.Hash));
        _insert.ExecuteNonQuery();
        transaction.Commit();
    }

    public void Dispose()
    {
        _read.Dispose();
        _swap.Dispose();
        _head.Dispose();
        _insert.Dispose();
        _connection.Dispose();
    }

    private static void SetAll(SqliteCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value;
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Prepare();
        return command;
    }
}
