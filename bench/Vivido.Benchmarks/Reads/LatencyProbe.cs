using System.Diagnostics;
using Vivido.Benchmarks.Common;

namespace Vivido.Benchmarks.Reads;

/// <summary>Sends one GET per path from a few concurrent callers and records each request's latency and body size.</summary>
internal static class LatencyProbe
{
    /// <summary>A probe that runs longer than this fails: request loops are bounded in time as well as in count.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(10);

    /// <returns>Each request's latency and body size, and this process's CPU time over the run (client and server together when in process).</returns>
    public static async Task<(double[] Milliseconds, int[] BodyBytes, TimeSpan Cpu)> RunAsync(HttpClient client, Uri server, IReadOnlyList<string> paths, int callers)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var milliseconds = new double[paths.Count];
        var sizes = new int[paths.Count];
        var next = -1;
        var started = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < paths.Count)
            {
                if (started.Elapsed > TimeLimit)
                {
                    throw new TimeoutException($"{paths.Count} requests to {server} did not finish within {TimeLimit}");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, paths[i]));
                var start = Stopwatch.GetTimestamp();
                var (status, bytes) = await BenchHttp.SendAsync(client, request, CancellationToken.None).ConfigureAwait(false);
                milliseconds[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                sizes[i] = status == 200 ? bytes : throw new InvalidOperationException($"GET {paths[i]} on {server} answered {status}");
            }
        }));
        await Task.WhenAll(workers).ConfigureAwait(false);
        process.Refresh();
        return (milliseconds, sizes, process.TotalProcessorTime - cpuBefore);
    }
}
