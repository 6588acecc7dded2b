using Npgsql;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

/// <summary>The pending_overrides table.</summary>
internal static class OverrideRows
{
    /// <summary>$1 digest, $2 from, $3 to, $4 expected version, $5 reason, $6 requested by, $7 at; no row when the digest is unknown.</summary>
    public const string Insert =
        "INSERT INTO pending_overrides (image_id, from_state, to_state, expected_version, reason, requested_by, requested_at, status) " +
        "SELECT i.id, $2, $3, $4, $5, $6, $7, 'pending' FROM images i WHERE i.digest = $1 RETURNING id";

    /// <summary>$1 id, $2 status, $3 resolved by, $4 at, $5 reason: resolves the override only while it is pending.</summary>
    public const string Resolve =
        "UPDATE pending_overrides o SET status = $2, resolved_by = $3, resolved_at = $4, resolution_reason = $5 " +
        "FROM images i WHERE i.id = o.image_id AND o.id = $1 AND o.status = 'pending' RETURNING " + OverrideColumns.List;

    public static PendingOverride Map(NpgsqlDataReader r) => OverrideColumns.Read(r, PostgresTimeReader.Instance);
}
