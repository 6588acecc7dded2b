using System.Diagnostics;
using Vivido.Benchmarks.Common;

namespace Vivido.Benchmarks.Admission;

/// <summary>
/// Open loop: reviews sent on a fixed schedule (<c>rate</c> per second) whatever the answers do, for a
/// warm-up and then a measured window. Each latency runs from the review's scheduled send time, not
/// from when it actually left, which avoids coordinated omission: a slow answer cannot hold back the
/// reviews behind it and hide its cost.
/// </summary>
internal static class OpenLoopLoad
{
    /// <summary>Connections the client may open: enough that the schedule never waits for a free one.</summary>
    private const int MaxConnections = 256;

    public static async Task<OpenLoopResult> MeasureAsync(Uri server, byte[] review, int rate, TimeSpan warmup, TimeSpan window)
    {
        using var client = BenchHttp.CreateClient(server, MaxConnections, BenchServer.AdminSecret);
        var warm = (int)(rate * warmup.TotalSeconds);
        var measured = (int)(rate * window.TotalSeconds);
        var latencies = new double[measured];
        var lags = new double[measured];
        var answered = new long[measured];
        var sends = new Task[warm + measured];
        var ticksPerReview = Stopwatch.Frequency / (double)rate;
        var failures = 0;

        async Task SendAsync(int i, long due, long left)
        {
            var ok = await ReviewPost.SendAsync(client, review, CancellationToken.None).ConfigureAwait(false);
            var end = Stopwatch.GetTimestamp();
            if (!ok)
            {
                Interlocked.Increment(ref failures);
            }
            else if (i >= warm)
            {
                latencies[i - warm] = Stopwatch.GetElapsedTime(due, end).TotalMilliseconds;
                lags[i - warm] = Stopwatch.GetElapsedTime(due, left).TotalMilliseconds;
                answered[i - warm] = end;
            }
        }

        // One dedicated thread keeps the schedule: it sleeps in 1 ms steps (a spinning one would take a
        // core from the server on a small machine) and starts every review that has come due.
        var start = Stopwatch.GetTimestamp();
        await Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < sends.Length && Volatile.Read(ref failures) == 0;)
                {
                    var due = start + (long)(i * ticksPerReview);
                    var now = Stopwatch.GetTimestamp();
                    if (due > now)
                    {
                        Thread.Sleep(1);
                        continue;
                    }

                    var index = i;
                    sends[i] = Task.Run(() => SendAsync(index, due, now));
                    i++;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).ConfigureAwait(false);
        await Task.WhenAll(sends.Where(s => s is not null)).ConfigureAwait(false);
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} reviews to {server}{ReviewPost.Path} were not allowed");
        }

        var measuredStart = start + (long)(warm * ticksPerReview);
        var span = Stopwatch.GetElapsedTime(measuredStart, answered.Max()).TotalSeconds;
        return new OpenLoopResult(LatencySummary.From(latencies), LatencySummary.From(lags), measured / span);
    }
}
