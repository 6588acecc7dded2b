using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

/// <summary>
/// Appends hash-chained entries inside a write transaction. The chain head is read once per
/// transaction; BEGIN IMMEDIATE guarantees no other writer moves it meanwhile.
/// </summary>
internal sealed class HistoryWriter(SqliteConnection connection, SqliteTransaction transaction)
{
    private const string Insert =
        "INSERT INTO history (seq, image_id, kind, event, from_state, to_state, actor, reason, detail, params, at, prev_hash, hash) " +
        "VALUES (@seq, @image, @kind, @event, @from, @to, @actor, @reason, @detail, @params, @at, @prev, @hash)";

    private long _lastSeq = -1;
    private string _lastHash = HistoryChain.GenesisHash;

    /// <summary>Seals a draft (<see cref="HistoryDrafts"/>) as the next entry of the chain and inserts it.</summary>
    public async Task<HistoryEntry> AppendAsync(long imageId, HistoryEntry draft, CancellationToken cancellationToken)
    {
        if (_lastSeq < 0)
        {
            var head = await connection.Command("SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1", transaction)
                .FirstOrDefaultAsync(r => (Seq: r.GetInt64(0), Hash: r.GetString(1)), cancellationToken).ConfigureAwait(false);
            (_lastSeq, _lastHash) = head == default ? (0, HistoryChain.GenesisHash) : head;
        }

        var entry = HistoryChain.Seal(draft with { Seq = _lastSeq + 1, PrevHash = _lastHash });
        await connection.Command(Insert, transaction)
            .With("@seq", entry.Seq).With("@image", imageId).With("@kind", entry.Kind.ToName()).With("@event", entry.Event)
            .With("@from", entry.From).With("@to", entry.To).With("@actor", entry.Actor).With("@reason", entry.Reason)
            .With("@detail", entry.Detail).With("@params", JsonColumns.Map(entry.Params)).With("@at", Micros.FromTime(entry.At))
            .With("@prev", entry.PrevHash).With("@hash", entry.Hash)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        _lastSeq = entry.Seq;
        _lastHash = entry.Hash;
        return entry;
    }
}
