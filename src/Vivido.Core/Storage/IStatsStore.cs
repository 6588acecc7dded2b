namespace Vivido.Core.Storage;

/// <summary>Cheap aggregate reads for metrics and reports (one query each, no scan of history).</summary>
public interface IStatsStore
{
    /// <summary>How many images are in each state (states with none are absent).</summary>
    Task<IReadOnlyDictionary<string, long>> CountImagesByStateAsync(CancellationToken cancellationToken = default);
}
