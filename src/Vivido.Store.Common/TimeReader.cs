using System.Data.Common;

namespace Vivido.Store.Common;

/// <summary>
/// Reads a time column, the one value whose storage differs between stores (SQLite: INTEGER
/// microseconds since the Unix epoch; PostgreSQL: timestamptz). The row readers of this assembly take
/// one, so the mapping of a row is written once for every store.
/// </summary>
public abstract class TimeReader
{
    /// <summary>The UTC time in column <paramref name="ordinal"/> of the current row.</summary>
    public abstract DateTimeOffset Read(DbDataReader reader, int ordinal);

    /// <summary>As <see cref="Read"/>, or null when the column is null.</summary>
    public DateTimeOffset? ReadNullable(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Read(reader, ordinal);
}
