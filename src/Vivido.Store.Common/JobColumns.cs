using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>The rows background jobs read: leases and due timers.</summary>
public static class JobColumns
{
    /// <summary>The lease columns <see cref="ReadLease"/> expects, in order.</summary>
    public const string Lease = "name, holder, acquired_at, expires_at";

    /// <summary>The image columns <see cref="ReadDueTimer"/> expects (alias <c>i</c>), in order.</summary>
    public const string DueTimer = "i.digest, i.version, i.entered_state_at";

    /// <summary>The lease in the current row.</summary>
    public static Lease ReadLease(DbDataReader reader, TimeReader time) =>
        new(reader.GetString(0), reader.GetString(1), time.Read(reader, 2), time.Read(reader, 3));

    /// <summary>The due timer in the current row.</summary>
    public static DueTimer ReadDueTimer(DbDataReader reader, TimeReader time) =>
        new(reader.GetString(0), reader.GetInt64(1), time.Read(reader, 2));
}
