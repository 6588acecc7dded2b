using System.Globalization;
using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite;

/// <summary>Store-neutral transfer values (<see cref="TransferColumnKind"/>) to and from SQLite columns.</summary>
internal static class TransferValues
{
    public static object?[] Read(SqliteDataReader reader, TransferTable table)
    {
        var values = new object?[table.Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i)
                ? null
                : table.Columns[i].Kind switch
                {
                    TransferColumnKind.Integer => reader.GetInt64(i),
                    TransferColumnKind.Text => reader.GetString(i),
                    TransferColumnKind.Boolean => reader.GetInt64(i) != 0,
                    _ => Micros.ToTime(reader.GetInt64(i)),
                };
        }

        return values;
    }

    /// <summary>Sets the insert's parameters from one row; a row of the wrong shape is an <see cref="ArgumentException"/> (and the copy is rolled back).</summary>
    public static void Bind(IReadOnlyList<SqliteParameter> parameters, object?[] row, TransferTable table, long index)
    {
        if (row is null || row.Length != table.Columns.Count)
        {
            throw new ArgumentException($"row {index} of {table.Name} has {row?.Length ?? 0} values, expected {table.Columns.Count}");
        }

        for (var i = 0; i < row.Length; i++)
        {
            var column = table.Columns[i];
            parameters[i].Value = (row[i], column.Kind) switch
            {
                (null, _) when column.Nullable => DBNull.Value,
                (long value, TransferColumnKind.Integer) => value,
                (string value, TransferColumnKind.Text) => value,
                (bool value, TransferColumnKind.Boolean) => value ? 1L : 0L,
                (DateTimeOffset value, TransferColumnKind.Time) => Micros.FromTime(value),
                _ => throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"row {index} of {table.Name}: column {column.Name} expects {(column.Nullable ? "null or " : string.Empty)}{column.Kind}, got {row[i]?.GetType().Name ?? "null"}")),
            };
        }
    }
}
