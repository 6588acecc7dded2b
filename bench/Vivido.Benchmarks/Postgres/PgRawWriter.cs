using Npgsql;
using NpgsqlTypes;
using Vivido.Benchmarks.Transitions;
using Vivido.Core.Storage;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// One client of the raw ceiling: on its own connection, with prepared statements, each transition is
/// the store's writes in its two round trips. First: BEGIN, lock the chain head, read the image by
/// digest. Then: compare-and-swap state + version, insert the history entry sealed by
/// <see cref="HistoryChain"/>, move the chain head, COMMIT.
/// </summary>
internal sealed class PgRawWriter : IAsyncDisposable
{
    private const string Actor = "bench";
    private static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlBatch _load;
    private readonly NpgsqlBatch _write;

    private PgRawWriter(NpgsqlConnection connection)
    {
        _connection = connection;
        _load = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL READ COMMITTED"),
                new NpgsqlBatchCommand("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE"),
                Command("SELECT id, state, version FROM images WHERE digest = $1", NpgsqlDbType.Text),
            },
        };
        _write = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command(
                    "UPDATE images SET state = $1, version = version + 1, entered_state_at = $2, exclusive = false WHERE id = $3 AND version = $4",
                    NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint),
                Command(
                    "INSERT INTO history (seq, image_id, kind, event, from_state, to_state, actor, reason, detail, params, at, prev_hash, hash) " +
                    "VALUES ($1, $2, 'accepted', $3, $4, $5, $6, NULL, NULL, '{}', $7, $8, $9)",
                    NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
                    NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Text),
                Command("UPDATE chain_head SET seq = $1, hash = $2 WHERE id = 1", NpgsqlDbType.Bigint, NpgsqlDbType.Text),
                new NpgsqlBatchCommand("COMMIT"),
            },
        };
    }

    public static async Task<PgRawWriter> OpenAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var writer = new PgRawWriter(connection);
        try
        {
            await writer._load.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await writer._write.PrepareAsync(cancellationToken).ConfigureAwait(false);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Flips <paramref name="digest"/> to its other state in one durable transaction.</summary>
    public async Task FlipAsync(string digest, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _load.BatchCommands[2].Parameters[0].Value = digest;
        long seq, id, version;
        string previous, from;
        var reader = await _load.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (seq, previous) = (reader.GetInt64(0), reader.GetString(1));
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"raw ceiling: {digest} is missing");
            }

            (id, from, version) = (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
        }

        var to = PingPongLifecycle.Next(from);
        var entry = HistoryChain.Seal(new HistoryEntry(
            seq + 1, digest, from, to, PingPongLifecycle.EventFrom(from), Actor, null, NoParams, at, HistoryKind.Accepted, null, previous, string.Empty));
        Bind(_write.BatchCommands[0], to, entry.At, id, version);
        Bind(_write.BatchCommands[1], entry.Seq, id, entry.Event, from, to, Actor, entry.At, previous, entry.Hash);
        Bind(_write.BatchCommands[2], entry.Seq, entry.Hash);
        await _write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (_write.BatchCommands[0].RecordsAffected != 1)
        {
            throw new InvalidOperationException($"raw ceiling: the compare-and-swap of {digest} matched no row under the chain lock");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _load.DisposeAsync().ConfigureAwait(false);
        await _write.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlDbType[] types)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var type in types)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
        }

        return command;
    }

    private static void Bind(NpgsqlBatchCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
