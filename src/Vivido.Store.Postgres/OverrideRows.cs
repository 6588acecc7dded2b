using Npgsql;
using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

/// <summary>The pending_overrides table.</summary>
internal static class OverrideRows
{
    public const string Columns =
        "o.id, i.digest, o.from_state, o.to_state, o.expected_version, o.reason, o.requested_by, o.requested_at, " +
        "o.status, o.resolved_by, o.resolved_at, o.resolution_reason";

    public const string Select = $"SELECT {Columns} FROM pending_overrides o JOIN images i ON i.id = o.image_id";

    /// <summary>$1 digest, $2 from, $3 to, $4 expected version, $5 reason, $6 requested by, $7 at; no row when the digest is unknown.</summary>
    public const string Insert =
        "INSERT INTO pending_overrides (image_id, from_state, to_state, expected_version, reason, requested_by, requested_at, status) " +
        "SELECT i.id, $2, $3, $4, $5, $6, $7, 'pending' FROM images i WHERE i.digest = $1 RETURNING id";

    /// <summary>$1 id, $2 status, $3 resolved by, $4 at, $5 reason: resolves the override only while it is pending.</summary>
    public const string Resolve =
        "UPDATE pending_overrides o SET status = $2, resolved_by = $3, resolved_at = $4, resolution_reason = $5 " +
        "FROM images i WHERE i.id = o.image_id AND o.id = $1 AND o.status = 'pending' RETURNING " + Columns;

    public static PendingOverride Map(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetString(5), r.GetString(6), r.Time(7),
        StorageNames.ParseOverrideStatus(r.GetString(8)), r.NullableString(9), r.NullableTime(10), r.NullableString(11));
}
