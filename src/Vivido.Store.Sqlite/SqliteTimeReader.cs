using System.Data.Common;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

/// <summary>Reads SQLite's time columns: INTEGER microseconds since the Unix epoch (<see cref="Micros"/>).</summary>
internal sealed class SqliteTimeReader : TimeReader
{
    public static readonly SqliteTimeReader Instance = new();

    public override DateTimeOffset Read(DbDataReader reader, int ordinal) => Micros.ToTime(reader.GetInt64(ordinal));
}
