using Vivido.Core.Storage;

namespace Vivido.Cli;

/// <summary>
/// Copies every <see cref="StoreSchema.Tables"/> table, row for row, from one store into an empty one,
/// then checks the copy: row counts per table and the hash chain on the target.
/// </summary>
internal sealed class StoreCopier(IVividoStore source, IVividoStore target, TextWriter progress)
{
    public async Task<StoreCopyReport> CopyAsync(CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync($"vivido: migrating {source.Description}").ConfigureAwait(false);
        await source.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync($"vivido: migrating {target.Description}").ConfigureAwait(false);
        await target.MigrateAsync(cancellationToken).ConfigureAwait(false);

        var occupied = (await CountAsync(target, cancellationToken).ConfigureAwait(false)).Where(c => c.Value > 0).ToList();
        if (occupied.Count > 0)
        {
            throw new CliException(
                $"the target {target.Description} is not empty ({string.Join(", ", occupied.Select(c => $"{c.Key} {c.Value}"))}); db copy needs a freshly created database");
        }

        var written = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in StoreSchema.Tables)
        {
            await progress.WriteAsync($"vivido: copying {table.Name}... ").ConfigureAwait(false);
            await progress.FlushAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                written[table.Name] = await target.WriteTableAsync(table, source.ReadTableAsync(table, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or CliException or OutOfMemoryException))
            {
                await progress.WriteLineAsync("failed").ConfigureAwait(false);
                throw new CliException($"copying {table.Name} failed: {ex.Message.Split('\n')[0]}; the target holds a partial copy: drop and recreate it before copying again");
            }

            await progress.WriteLineAsync($"{written[table.Name]} rows").ConfigureAwait(false);
        }

        await progress.WriteLineAsync("vivido: counting rows and verifying the target's hash chain").ConfigureAwait(false);
        var sourceCounts = await CountAsync(source, cancellationToken).ConfigureAwait(false);
        var targetCounts = await CountAsync(target, cancellationToken).ConfigureAwait(false);
        var audit = await target.VerifyAuditAsync(cancellationToken).ConfigureAwait(false);
        var tables = StoreSchema.Tables
            .Select(t => new StoreCopyReport.Table(t.Name, sourceCounts[t.Name], targetCounts[t.Name], written[t.Name]))
            .ToList();
        return new StoreCopyReport(tables, audit);
    }

    /// <summary>Row counts of every schema table: the store's own counts, or a scan for a table it does not count.</summary>
    private static async Task<Dictionary<string, long>> CountAsync(IVividoStore store, CancellationToken cancellationToken)
    {
        var known = await store.CountRowsAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in StoreSchema.Tables)
        {
            if (!known.TryGetValue(table.Name, out var count))
            {
                await foreach (var _ in store.ReadTableAsync(table, cancellationToken).ConfigureAwait(false))
                {
                    count++;
                }
            }

            counts[table.Name] = count;
        }

        return counts;
    }
}
