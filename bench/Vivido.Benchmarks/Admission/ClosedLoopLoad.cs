using System.Diagnostics;
using Vivido.Benchmarks.Transitions;

namespace Vivido.Benchmarks.Admission;

/// <summary>
/// Closed loop: <c>clients</c> callers each send the review, wait for the answer and send again, for a
/// warm-up and then a measured window; throughput is the reviews completed inside the window.
/// </summary>
internal static class ClosedLoopLoad
{
    private const int Warming = 0;
    private const int Measuring = 1;
    private const int Stopped = 2;

    /// <param name="review">Sends one review and answers whether it was allowed.</param>
    /// <param name="what">Names the target in the error when a review is not allowed.</param>
    /// <param name="clients">Concurrent callers.</param>
    /// <param name="warmup">How long the callers run before the window opens.</param>
    /// <param name="window">The measured window.</param>
    public static async Task<ClosedLoopResult> MeasureAsync(Func<Task<bool>> review, string what, int clients, TimeSpan warmup, TimeSpan window)
    {
        var phase = Warming;
        var latencies = Enumerable.Range(0, clients).Select(_ => new List<double>(capacity: 65_536)).ToArray();
        var loops = latencies.Select(mine => Task.Run(async () =>
        {
            for (long n = 0; n < LoadWindow.MaxOperationsPerWorker && Volatile.Read(ref phase) != Stopped; n++)
            {
                var startedIn = Volatile.Read(ref phase);
                var start = Stopwatch.GetTimestamp();
                if (!await review().ConfigureAwait(false))
                {
                    Volatile.Write(ref phase, Stopped);
                    throw new InvalidOperationException($"{what} did not allow the review");
                }

                if (startedIn == Measuring && Volatile.Read(ref phase) == Measuring)
                {
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        })).ToList();

        var everyone = Task.WhenAll(loops);
        await Task.WhenAny(everyone, Task.Delay(warmup)).ConfigureAwait(false);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        Volatile.Write(ref phase, Measuring);
        var clock = Stopwatch.StartNew();
        await Task.WhenAny(everyone, Task.Delay(window)).ConfigureAwait(false);
        Volatile.Write(ref phase, Stopped);
        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        await everyone.ConfigureAwait(false);
        var all = latencies.SelectMany(l => l).ToList();
        return new ClosedLoopResult(all.Count / elapsed.TotalSeconds, all, all.Count == 0 ? double.NaN : cpu.TotalMicroseconds / all.Count);
    }
}
