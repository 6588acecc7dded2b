using Npgsql;
using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

/// <summary>Reading history entries (joined to their image for the digest).</summary>
internal static class HistoryRows
{
    public const string Select =
        "SELECT h.seq, i.digest, h.kind, h.event, h.from_state, h.to_state, h.actor, h.reason, h.detail, h.params, h.at, h.prev_hash, h.hash " +
        "FROM history h JOIN images i ON i.id = h.image_id";

    public static HistoryEntry Map(NpgsqlDataReader r) => new(
        Seq: r.GetInt64(0),
        Digest: r.GetString(1),
        From: r.NullableString(4),
        To: r.NullableString(5),
        Event: r.GetString(3),
        Actor: r.GetString(6),
        Reason: r.NullableString(7),
        Params: JsonColumns.ParseMap(r.GetString(9)),
        At: r.Time(10),
        Kind: StorageNames.ParseHistoryKind(r.GetString(2)),
        Detail: r.NullableString(8),
        PrevHash: r.GetString(11),
        Hash: r.GetString(12));
}
