using System.Data.Common;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

/// <summary>Reads PostgreSQL's time columns: timestamptz, as UTC.</summary>
internal sealed class PostgresTimeReader : TimeReader
{
    public static readonly PostgresTimeReader Instance = new();

    public override DateTimeOffset Read(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
