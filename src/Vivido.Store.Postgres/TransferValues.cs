using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

/// <summary>Store-neutral transfer values (<see cref="TransferColumnKind"/>) to and from PostgreSQL columns.</summary>
internal static class TransferValues
{
    public static object?[] Read(NpgsqlDataReader reader, TransferTable table)
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
                    TransferColumnKind.Boolean => reader.GetBoolean(i),
                    _ => reader.Time(i),
                };
        }

        return values;
    }

    /// <summary>Writes one row to a binary COPY; a row of the wrong shape is an <see cref="ArgumentException"/> (and the copy is rolled back).</summary>
    public static async Task WriteAsync(NpgsqlBinaryImporter importer, object?[] row, TransferTable table, long index, CancellationToken cancellationToken)
    {
        if (row is null || row.Length != table.Columns.Count)
        {
            throw new ArgumentException($"row {index} of {table.Name} has {row?.Length ?? 0} values, expected {table.Columns.Count}");
        }

        // Checked before anything is sent, so a bad row never leaves a half-written COPY row behind.
        for (var i = 0; i < row.Length; i++)
        {
            var column = table.Columns[i];
            var fits = (row[i], column.Kind) switch
            {
                (null, _) => column.Nullable,
                (long, TransferColumnKind.Integer) or (string, TransferColumnKind.Text) or (bool, TransferColumnKind.Boolean) or (DateTimeOffset, TransferColumnKind.Time) => true,
                _ => false,
            };
            if (!fits)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"row {index} of {table.Name}: column {column.Name} expects {(column.Nullable ? "null or " : string.Empty)}{column.Kind}, got {row[i]?.GetType().Name ?? "null"}"));
            }
        }

        await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
        foreach (var value in row)
        {
            var write = value switch
            {
                null => importer.WriteNullAsync(cancellationToken),
                long number => importer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
                string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                bool flag => importer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
                DateTimeOffset at => importer.WriteAsync(HistoryChain.Normalize(at), NpgsqlDbType.TimestampTz, cancellationToken),
                _ => throw new ArgumentException($"unsupported transfer value {value.GetType().Name}"),
            };
            await write.ConfigureAwait(false);
        }
    }
}
