using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<object?[]> ReadTableAsync(TransferTable table, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var known = TransferRows.Known(table);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One deferred transaction: the rows come from one snapshot even while writers commit.
            var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: true);
            await using (transaction.ConfigureAwait(false))
            {
                var command = connection.Command($"SELECT {TransferRows.ColumnList(known)} FROM {known.Name} ORDER BY {known.Key}", transaction);
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            yield return TransferRows.Read(reader, known, SqliteTimeReader.Instance);
                        }
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public Task<long> WriteTableAsync(TransferTable table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        var known = TransferRows.Known(table);
        ArgumentNullException.ThrowIfNull(rows);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var any = await connection.Command($"SELECT 1 FROM {known.Name} LIMIT 1", transaction).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
                if (any is not null)
                {
                    throw new InvalidOperationException($"table {known.Name} is not empty; a copy goes into a fresh database");
                }

                var names = known.Columns.Select(c => "@" + c.Name).ToList();
                var command = connection.Command(
                    $"INSERT INTO {known.Name} ({TransferRows.ColumnList(known)}) VALUES ({string.Join(", ", names)})", transaction);
                await using (command.ConfigureAwait(false))
                {
                    var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToList();
                    long written = 0;
                    await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        TransferRows.Check(row, known, written);
                        TransferValues.Bind(parameters, row);
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        written++;
                    }

                    return written;
                }
            },
            cancellationToken);
    }
}
