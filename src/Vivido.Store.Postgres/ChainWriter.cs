using Npgsql;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

/// <summary>
/// Appends hash-chained history entries inside a write transaction. The transaction's first batch
/// locks the chain head (<see cref="LockHead"/>), which every writer of history or versions does
/// first: writers queue there in one order, so seqs have no gaps and there are no deadlocks.
/// </summary>
internal sealed class ChainWriter
{
    /// <summary>Locks and reads the chain head; must be the first statement of the transaction.</summary>
    public const string LockHead = "SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE";

    private const string Insert =
        "INSERT INTO history (seq, image_id, kind, event, from_state, to_state, actor, reason, detail, params, at, prev_hash, hash) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

    private const string InsertForDigest =
        "INSERT INTO history (seq, image_id, kind, event, from_state, to_state, actor, reason, detail, params, at, prev_hash, hash) " +
        "VALUES ($1, (SELECT id FROM images WHERE digest = $2), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

    private long _seq;
    private string _hash = HistoryChain.GenesisHash;
    private bool _appended;

    /// <summary>Reads the head from the current result of a reader positioned at the <see cref="LockHead"/> result.</summary>
    public static async Task<ChainWriter> ReadHeadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var head = await reader.FirstRowAsync(r => (Seq: r.GetInt64(0), Hash: r.GetString(1)), cancellationToken).ConfigureAwait(false);
        if (head == default)
        {
            throw new InvalidOperationException("the chain_head row is missing; the database was not migrated by Vivido");
        }

        return new ChainWriter { _seq = head.Seq, _hash = head.Hash };
    }

    /// <summary>Seals a draft (<see cref="HistoryDrafts"/>) as the next entry and adds its INSERT to the batch.</summary>
    public HistoryEntry Append(NpgsqlBatch batch, long imageId, HistoryEntry draft)
    {
        var entry = Seal(draft);
        Values(batch.Add(Insert).With(entry.Seq).With(imageId), entry);
        return entry;
    }

    /// <summary>As <see cref="Append(NpgsqlBatch, long, HistoryEntry)"/> for an image inserted earlier in the same transaction.</summary>
    public HistoryEntry AppendForDigest(NpgsqlBatch batch, HistoryEntry draft)
    {
        var entry = Seal(draft);
        Values(batch.Add(InsertForDigest).With(entry.Seq).With(entry.Digest), entry);
        return entry;
    }

    /// <summary>Adds the chain head's update to the batch (after the last append).</summary>
    public void MoveHead(NpgsqlBatch batch)
    {
        if (_appended)
        {
            batch.Add("UPDATE chain_head SET seq = $1, hash = $2 WHERE id = 1").With(_seq).With(_hash);
        }
    }

    private static void Values(NpgsqlBatchCommand command, HistoryEntry entry) =>
        command.With(entry.Kind.ToName()).With(entry.Event).With(entry.From).With(entry.To).With(entry.Actor).With(entry.Reason)
            .With(entry.Detail).With(JsonColumns.Map(entry.Params)).WithTime(entry.At).With(entry.PrevHash).With(entry.Hash);

    private HistoryEntry Seal(HistoryEntry draft)
    {
        var entry = HistoryChain.Seal(draft with { Seq = _seq + 1, PrevHash = _hash });
        _seq = entry.Seq;
        _hash = entry.Hash;
        _appended = true;
        return entry;
    }
}
