namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// How long the chain-head lock was held per transition, in milliseconds, split by what its holder did
/// (see <see cref="ChainLockPhase"/>), and how many sessions queued behind it on average. When the
/// queue never empties, <see cref="HeldMs"/> is the whole time per transition: 1000 / transitions per second.
/// </summary>
internal sealed record ChainLockProfile(double HeldMs, double ClientMs, double WalFlushMs, double ExecutingMs, double MeanWaiters)
{
    public static ChainLockProfile From(ChainLockSamples samples, TimeSpan elapsed, long transitions)
    {
        ArgumentNullException.ThrowIfNull(samples);
        double PerTransition(ChainLockPhase phase) => transitions == 0 ? double.NaN : samples.Share(phase) * elapsed.TotalMilliseconds / transitions;
        var client = PerTransition(ChainLockPhase.Client);
        var wal = PerTransition(ChainLockPhase.WalFlush);
        var executing = PerTransition(ChainLockPhase.Executing);
        return new ChainLockProfile(client + wal + executing, client, wal, executing, samples.MeanWaiters);
    }
}
