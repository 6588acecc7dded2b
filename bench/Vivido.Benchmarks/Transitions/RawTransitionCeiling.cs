using System.Runtime.ExceptionServices;
using Vivido.Benchmarks.Common;
using Vivido.Core.Storage;
using Vivido.Store.Sqlite;

namespace Vivido.Benchmarks.Transitions;

/// <summary>
/// The ceiling: <see cref="RawWriter"/> threads, one per client, each flipping its own images. An
/// in-process lock queues them for the write lock, so they wait their turn instead of sleeping in
/// SQLite's busy handler: the fastest one-transaction-per-write SQLite can go on this disk.
/// </summary>
internal static class RawTransitionCeiling
{
    public static async Task<LoadRate> MeasureAsync(TransitionSettings settings, TempDirectory directory)
    {
        var path = directory.File("raw.db");
        using var store = new SqliteStore(path, groupCommit: false);
        await store.MigrateAsync().ConfigureAwait(false);
        var digests = await RegisterAsync(store, settings).ConfigureAwait(false);

        using var window = new LoadWindow();
        var gate = new Lock();
        var failures = new List<Exception>();
        var threads = Enumerable.Range(0, settings.Clients)
            .Select(client => new Thread(() => Run(path, settings.Owned(digests, client), gate, window, failures)) { IsBackground = true })
            .ToList();
        threads.ForEach(t => t.Start());
        LoadRate? rate = null;
        try
        {
            rate = await window.MeasureAsync(settings.Warmup, settings.Window).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (failures.Count > 0)
        {
            // A writer failed and aborted the window; its exception is rethrown below.
        }
        finally
        {
            threads.ForEach(t => t.Join());
        }

        if (failures.Count > 0)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }

        await TransitionCheck.VerifyAsync(store, digests.Count + window.Completed).ConfigureAwait(false);
        return rate ?? throw new InvalidOperationException("the raw ceiling's window ended without a measurement");
    }

    private static void Run(string path, IReadOnlyList<string> digests, Lock gate, LoadWindow window, List<Exception> failures)
    {
        try
        {
            using var writer = new RawWriter(path);
            for (long op = 0; op < LoadWindow.MaxOperationsPerWorker && !window.Stopping.IsCancellationRequested; op++)
            {
                lock (gate)
                {
                    writer.Flip(digests[(int)(op % digests.Count)], TimeProvider.System.GetUtcNow());
                }

                window.Complete();
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            lock (failures)
            {
                failures.Add(ex);
            }

            window.Abort();
        }
    }

    private static async Task<List<string>> RegisterAsync(SqliteStore store, TransitionSettings settings)
    {
        var digests = new List<string>(settings.Images);
        for (var i = 0; i < settings.Images; i++)
        {
            var digest = BenchDigests.ForIndex("bench-raw-", i);
            await store.RegisterImageAsync(
                    new ImageRegistration(
                        digest, TransitionSettings.Repository(i % settings.Clients), PingPongLifecycle.Initial, [], new Dictionary<string, string>(), "bench",
                        TimeProvider.System.GetUtcNow()))
                .ConfigureAwait(false);
            digests.Add(digest);
        }

        return digests;
    }
}
