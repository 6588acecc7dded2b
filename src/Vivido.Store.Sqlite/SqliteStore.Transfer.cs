using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<object?[]> ReadTableAsync(TransferTable table, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var known = Known(table);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One deferred transaction: the rows come from one snapshot even while writers commit.
            var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: true);
            await using (transaction.ConfigureAwait(false))
            {
                var columns = string.Join(", ", known.Columns.Select(c => c.Name));
                var command = connection.Command($"SELECT {columns} FROM {known.Name} ORDER BY {known.Key}", transaction);
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            yield return TransferValues.Read(reader, known);
                        }
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public Task<long> WriteTableAsync(TransferTable table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        var known = Known(table);
        ArgumentNullException.ThrowIfNull(rows);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var any = await connection.Command($"SELECT 1 FROM {known.Name} LIMIT 1", transaction).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
                if (any is not null)
                {
                    throw new InvalidOperationException($"table {known.Name} is not empty; a copy goes into a fresh database");
                }

                var names = known.Columns.Select(c => c.Name).ToList();
                var command = connection.Command(
                    $"INSERT INTO {known.Name} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})", transaction);
                await using (command.ConfigureAwait(false))
                {
                    var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = "@" + n })).ToList();
                    long written = 0;
                    await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        TransferValues.Bind(parameters, row, known, written);
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        written++;
                    }

                    return written;
                }
            },
            cancellationToken);
    }

    /// <summary>The schema's own definition of <paramref name="table"/>: names reach SQL only from <see cref="StoreSchema"/>.</summary>
    private static TransferTable Known(TransferTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var known = StoreSchema.Find(table.Name);
        if (!known.Columns.SequenceEqual(table.Columns) || known.Key != table.Key)
        {
            throw new ArgumentException($"table {table.Name} does not match StoreSchema's definition", nameof(table));
        }

        return known;
    }
}
