using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>
/// The columns of an idempotency row and how to read them. A claim is a row with status 0 and an
/// empty body, stamped with the claim time; any other status is a completed result (HTTP statuses are
/// never 0, so the two cannot be confused).
/// </summary>
public static class IdempotencyColumns
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string List = "token_name, key, request_hash, status, body, created_at";

    /// <summary>The row as a result (a claim when its status is 0).</summary>
    public static IdempotentResult Read(DbDataReader reader, TimeReader time) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), checked((int)reader.GetInt64(3)), reader.GetString(4), time.Read(reader, 5));
}
