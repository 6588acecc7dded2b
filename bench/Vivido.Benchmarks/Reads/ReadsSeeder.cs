using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Vivido.Store.Sqlite;
using static Vivido.Benchmarks.Common.Machine;

namespace Vivido.Benchmarks.Reads;

/// <summary>
/// Makes sure the reads database exists: reuses a finished file, otherwise seeds <c>.partial</c>,
/// checks its row counts and hash chain, and renames it (so a half-seeded file is never reused).
/// </summary>
internal static class ReadsSeeder
{
    private const int ImagesPerTransaction = 50_000;

    public static async Task EnsureAsync(string path, SeedPlan plan, TextWriter output)
    {
        if (File.Exists(path))
        {
            await output.WriteLineAsync($"reusing the seeded database {path} ({new FileInfo(path).Length / (1024 * 1024)} MiB)").ConfigureAwait(false);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        foreach (var leftover in new[] { partial, partial + "-wal", partial + "-shm" })
        {
            File.Delete(leftover);
        }

        await output.WriteLineAsync(
                $"seeding {path}: {plan.Images} images in {plan.Repositories} repositories, {plan.History} history entries ({plan.Rejections} of them rejected attempts)")
            .ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        using (var store = new SqliteStore(partial))
        {
            await store.MigrateAsync().ConfigureAwait(false);
        }

        SqliteConnection.ClearAllPools();
        using (var writer = new SeedWriter(partial, plan))
        {
            writer.WriteAll(ImagesPerTransaction, written =>
            {
                if (written % 200_000 == 0 || written == plan.Images)
                {
                    output.WriteLine($"  {written} images written, {F(clock.Elapsed.TotalSeconds)} s");
                }
            });
            writer.Finish();
        }

        await VerifyAsync(partial, plan, output).ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        if (File.Exists(partial + "-wal"))
        {
            throw new InvalidOperationException($"{partial}-wal is still there after closing every connection; not renaming a file whose WAL would be left behind");
        }

        File.Move(partial, path);
        await output.WriteLineAsync($"seeded in {F(clock.Elapsed.TotalSeconds)} s: {new FileInfo(path).Length / (1024 * 1024)} MiB").ConfigureAwait(false);
    }

    private static async Task VerifyAsync(string path, SeedPlan plan, TextWriter output)
    {
        using var store = new SqliteStore(path);
        var rows = await store.CountRowsAsync().ConfigureAwait(false);
        if (rows["images"] != plan.Images || rows["history"] != plan.History)
        {
            throw new InvalidOperationException($"seeded {rows["images"]} images and {rows["history"]} history entries, expected {plan.Images} and {plan.History}");
        }

        var audit = await store.VerifyAuditAsync().ConfigureAwait(false);
        if (!audit.Ok || audit.Entries != plan.History)
        {
            throw new InvalidOperationException($"the seeded history does not verify: ok={audit.Ok}, entries={audit.Entries}, firstBadSeq={audit.FirstBadSeq}");
        }

        await output.WriteLineAsync($"  checked: {rows["images"]} images, {rows["history"]} history entries, hash chain verifies").ConfigureAwait(false);
    }
}
