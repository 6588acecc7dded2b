using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>Reading pending overrides (joined to their image for the digest).</summary>
public static class OverrideColumns
{
    /// <summary>The columns <see cref="Read"/> expects (aliases <c>o</c> and <c>i</c>), in order.</summary>
    public const string List =
        "o.id, i.digest, o.from_state, o.to_state, o.expected_version, o.reason, o.requested_by, o.requested_at, " +
        "o.status, o.resolved_by, o.resolved_at, o.resolution_reason";

    /// <summary>The query every override read starts with; a store appends its WHERE.</summary>
    public const string Select = $"SELECT {List} FROM pending_overrides o JOIN images i ON i.id = o.image_id";

    /// <summary>The override in the current row.</summary>
    public static PendingOverride Read(DbDataReader reader, TimeReader time) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5),
        reader.GetString(6), time.Read(reader, 7), StorageNames.ParseOverrideStatus(reader.GetString(8)), reader.NullableString(9),
        time.ReadNullable(reader, 10), reader.NullableString(11));
}
