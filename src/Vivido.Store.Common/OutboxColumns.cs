using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>The columns of an outbox row and how to read them.</summary>
public static class OutboxColumns
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string List = "id, seq, topic, payload, created_at";

    /// <summary>The outbox record in the current row.</summary>
    public static OutboxRecord Read(DbDataReader reader, TimeReader time) =>
        new(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), reader.GetString(3), time.Read(reader, 4));
}
