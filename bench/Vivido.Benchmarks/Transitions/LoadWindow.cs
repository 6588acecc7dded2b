using System.Diagnostics;

namespace Vivido.Benchmarks.Transitions;

/// <summary>
/// Counts the operations running workers complete and measures their rate over a fixed window after
/// a warm-up, then tells the workers to stop. Workers check <see cref="Stopping"/> between operations.
/// </summary>
internal sealed class LoadWindow : IDisposable
{
    /// <summary>A worker stops after this many operations even if never told to: loops are bounded in count, not only in time.</summary>
    public const long MaxOperationsPerWorker = 10_000_000;

    private readonly CancellationTokenSource _stop = new();
    private long _completed;

    public CancellationToken Stopping => _stop.Token;

    /// <summary>Operations completed so far, warm-up included.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    public void Complete() => Interlocked.Increment(ref _completed);

    /// <summary>Waits <paramref name="warmup"/>, counts completions during <paramref name="window"/>, stops the workers.</summary>
    public async Task<LoadRate> MeasureAsync(TimeSpan warmup, TimeSpan window)
    {
        try
        {
            await Task.Delay(warmup, _stop.Token).ConfigureAwait(false);
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var before = Completed;
            var clock = Stopwatch.StartNew();
            await Task.Delay(window, _stop.Token).ConfigureAwait(false);
            var done = Completed - before;
            var elapsed = clock.Elapsed;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            return new LoadRate(done / elapsed.TotalSeconds, done == 0 ? double.NaN : cpu.TotalMicroseconds / done);
        }
        finally
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A worker failed: stop everyone now (the figure is void; the failure is rethrown by the runner).</summary>
    public void Abort() => _stop.Cancel();

    public void Dispose() => _stop.Dispose();
}
