using System.Data.Common;
using System.Globalization;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>
/// The store-neutral half of <see cref="IStoreTransfer"/>: which table definition a store trusts, and
/// rows as arrays of store-neutral values (<see cref="TransferColumnKind"/>: long, string, bool, UTC
/// <see cref="DateTimeOffset"/>, double, byte[], or null).
/// </summary>
public static class TransferRows
{
    /// <summary>
    /// The schema's own definition of <paramref name="table"/>, so names reach SQL only from
    /// <see cref="StoreSchema"/>; <see cref="ArgumentException"/> when the caller's definition differs.
    /// </summary>
    public static TransferTable Known(TransferTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var known = StoreSchema.Find(table.Name);
        if (!known.Columns.SequenceEqual(table.Columns) || known.Key != table.Key)
        {
            throw new ArgumentException($"table {table.Name} does not match StoreSchema's definition", nameof(table));
        }

        return known;
    }

    /// <summary>The table's column names, comma separated, in transfer order.</summary>
    public static string ColumnList(TransferTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return string.Join(", ", table.Columns.Select(c => c.Name));
    }

    /// <summary>The current row of a <c>SELECT</c> of <see cref="ColumnList"/>, as transfer values.</summary>
    public static object?[] Read(DbDataReader reader, TransferTable table, TimeReader time)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(time);
        var values = new object?[table.Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i)
                ? null
                : table.Columns[i].Kind switch
                {
                    TransferColumnKind.Integer => reader.GetInt64(i),
                    TransferColumnKind.Text => reader.GetString(i),
                    TransferColumnKind.Boolean => reader.GetBoolean(i),
                    TransferColumnKind.Real => reader.GetDouble(i),
                    TransferColumnKind.Bytes => reader.GetFieldValue<byte[]>(i),
                    _ => time.Read(reader, i),
                };
        }

        return values;
    }

    /// <summary>
    /// Checks row number <paramref name="index"/> before anything of it is written: one value per column,
    /// each of its column's kind or null where the column allows it. A row of the wrong shape is an
    /// <see cref="ArgumentException"/> (and the copy is rolled back).
    /// </summary>
    public static void Check(object?[] row, TransferTable table, long index)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (row is null || row.Length != table.Columns.Count)
        {
            throw new ArgumentException($"row {index} of {table.Name} has {row?.Length ?? 0} values, expected {table.Columns.Count}");
        }

        for (var i = 0; i < row.Length; i++)
        {
            var column = table.Columns[i];
            var fits = (row[i], column.Kind) switch
            {
                (null, _) => column.Nullable,
                (long, TransferColumnKind.Integer) or (string, TransferColumnKind.Text) or (bool, TransferColumnKind.Boolean) or (DateTimeOffset, TransferColumnKind.Time)
                    or (double, TransferColumnKind.Real) or (byte[], TransferColumnKind.Bytes) => true,
                _ => false,
            };
            if (!fits)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"row {index} of {table.Name}: column {column.Name} expects {(column.Nullable ? "null or " : string.Empty)}{column.Kind}, got {row[i]?.GetType().Name ?? "null"}"));
            }
        }
    }
}
