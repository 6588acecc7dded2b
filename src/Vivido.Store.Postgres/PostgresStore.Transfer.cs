using System.Runtime.CompilerServices;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<object?[]> ReadTableAsync(TransferTable table, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var known = TransferRows.Known(table);
        var connection = await _database.GuardAsync(() => _database.Source.OpenConnectionAsync(cancellationToken).AsTask()).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One statement: the rows come from one snapshot even while writers commit.
            var command = connection.Command($"SELECT {TransferRows.ColumnList(known)} FROM {known.Name} ORDER BY {OrderBy(known)}");
            await using (command.ConfigureAwait(false))
            {
                var reader = await _database.GuardAsync(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await _database.GuardAsync(() => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
                    {
                        yield return TransferRows.Read(reader, known, PostgresTimeReader.Instance);
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
            async transaction =>
            {
                var check = transaction.Batch();
                await using (check.ConfigureAwait(false))
                {
                    check.Add(ChainWriter.LockHead);
                    check.Add($"SELECT EXISTS (SELECT 1 FROM {known.Name})");
                    var reader = await transaction.ReadAsync(check, cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                        if (await reader.FirstRowAsync(r => r.GetBoolean(0), cancellationToken).ConfigureAwait(false))
                        {
                            throw new InvalidOperationException($"table {known.Name} is not empty; a copy goes into a fresh database");
                        }
                    }
                }

                long written = 0;
                var importer = await transaction.Connection.BeginBinaryImportAsync(
                    $"COPY {known.Name} ({TransferRows.ColumnList(known)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
                await using (importer.ConfigureAwait(false))
                {
                    await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        // Checked before anything of the row is sent, so a bad row never leaves a half-written COPY row behind.
                        TransferRows.Check(row, known, written);
                        await TransferValues.WriteAsync(importer, row, cancellationToken).ConfigureAwait(false);
                        written++;
                    }

                    await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                }

                var finish = transaction.Batch();
                await using (finish.ConfigureAwait(false))
                {
                    if (known.Key == "id")
                    {
                        // New ids continue after the largest copied one.
                        finish.Add($"SELECT setval(pg_get_serial_sequence('{known.Name}', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {known.Name}");
                    }

                    if (known.Name == "history")
                    {
                        finish.Add("UPDATE chain_head SET seq = h.seq, hash = h.hash FROM (SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1) h WHERE chain_head.id = 1");
                    }

                    await transaction.ExecuteAsync(finish, commit: true, cancellationToken).ConfigureAwait(false);
                }

                return written;
            },
            cancellationToken);
    }

    /// <summary>The key columns, text ones in byte order as SQLite sorts them.</summary>
    private static string OrderBy(TransferTable table) => string.Join(
        ", ",
        table.Key.Split(',', StringSplitOptions.TrimEntries)
            .Select(name => table.Columns.Single(c => c.Name == name).Kind == TransferColumnKind.Text ? name + " COLLATE \"C\"" : name));
}
