namespace Vivido.Benchmarks.Postgres;

/// <summary>The samples of a <see cref="ChainLockSampler"/>: how often the lock holder was in each phase, and the queue behind it.</summary>
internal sealed class ChainLockSamples
{
    private readonly long[] _phases = new long[Enum.GetValues<ChainLockPhase>().Length];
    private long _waiters;

    /// <summary>Samples taken, i.e. queries the sampler ran.</summary>
    public long Count { get; private set; }

    public void Add(ChainLockPhase phase, int waiters)
    {
        _phases[(int)phase]++;
        _waiters += waiters;
        Count++;
    }

    /// <summary>The share of samples in <paramref name="phase"/> (0..1).</summary>
    public double Share(ChainLockPhase phase) => Count == 0 ? double.NaN : (double)_phases[(int)phase] / Count;

    /// <summary>Sessions waiting on a lock, on average.</summary>
    public double MeanWaiters => Count == 0 ? double.NaN : (double)_waiters / Count;
}
