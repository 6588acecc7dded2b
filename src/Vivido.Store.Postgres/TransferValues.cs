using Npgsql;
using NpgsqlTypes;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

/// <summary>Store-neutral transfer values as PostgreSQL columns: bigint, text, boolean, timestamptz, double precision and bytea.</summary>
internal static class TransferValues
{
    /// <summary>Writes a row that passed <see cref="TransferRows.Check"/> to a binary COPY.</summary>
    public static async Task WriteAsync(NpgsqlBinaryImporter importer, object?[] row, CancellationToken cancellationToken)
    {
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
                double real => importer.WriteAsync(real, NpgsqlDbType.Double, cancellationToken),
                byte[] bytes => importer.WriteAsync(bytes, NpgsqlDbType.Bytea, cancellationToken),
                _ => throw new ArgumentException($"unsupported transfer value {value.GetType().Name}"),
            };
            await write.ConfigureAwait(false);
        }
    }
}
