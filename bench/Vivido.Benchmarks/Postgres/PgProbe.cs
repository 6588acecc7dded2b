using System.Diagnostics;
using Vivido.Benchmarks.Transitions;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// Runs a <see cref="LoadWindow"/> whose workers are already going and measures, over its measured
/// part, what <see cref="PgMeasurement"/> reports besides the rate.
/// </summary>
internal static class PgProbe
{
    /// <param name="window">The window the workers complete operations in.</param>
    /// <param name="settings">Its warm-up and length.</param>
    /// <param name="segment">The database sampled, the cluster whose CPU is read, the round-trip counter.</param>
    /// <param name="replicaProcessIds">Replica child processes whose CPU is added up; empty when replicas run in this process.</param>
    public static async Task<PgMeasurement> MeasureAsync(LoadWindow window, TransitionSettings settings, PgSegment segment, IReadOnlyList<int> replicaProcessIds)
    {
        var measuring = window.MeasureAsync(settings.Warmup, settings.Window);
        await Task.WhenAny(Task.Delay(settings.Warmup), measuring).ConfigureAwait(false);
        if (measuring.IsCompleted)
        {
            // The window was aborted during the warm-up: surface how.
            await measuring.ConfigureAwait(false);
        }

        var before = Snapshot.Take(window, segment, replicaProcessIds);
        var sampler = await ChainLockSampler.StartAsync(segment.Database.ConnectionString).ConfigureAwait(false);
        await using (sampler.ConfigureAwait(false))
        {
            var rate = await measuring.ConfigureAwait(false);
            var samples = await sampler.StopAsync().ConfigureAwait(false);
            var after = Snapshot.Take(window, segment, replicaProcessIds);
            var transitions = after.Completed - before.Completed;
            var elapsed = Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp);
            double? PerTransition(double? total) => total is { } t && transitions > 0 ? t / transitions : null;
            return new PgMeasurement(
                rate,
                replicaProcessIds.Count > 0 ? null : PerTransition(after.RoundTrips - before.RoundTrips - samples.Count),
                PerTransition((after.PostgresCpu - before.PostgresCpu)?.TotalMicroseconds),
                replicaProcessIds.Count > 0 ? PerTransition((after.ReplicaCpu - before.ReplicaCpu)?.TotalMicroseconds) : null,
                ChainLockProfile.From(samples, elapsed, transitions));
        }
    }

    private sealed record Snapshot(long Timestamp, long Completed, long RoundTrips, TimeSpan? PostgresCpu, TimeSpan? ReplicaCpu)
    {
        public static Snapshot Take(LoadWindow window, PgSegment segment, IReadOnlyList<int> replicaProcessIds)
        {
            var postgres = segment.Cluster.ServerProcessId is { } pid ? ProcessCpu.Read(pid) : null;
            TimeSpan? replicas = TimeSpan.Zero;
            foreach (var replica in replicaProcessIds)
            {
                replicas = ProcessCpu.Read(replica) is { } cpu ? replicas + cpu : null;
            }

            return new Snapshot(Stopwatch.GetTimestamp(), window.Completed, segment.RoundTrips.Count, postgres, replicas);
        }
    }
}
