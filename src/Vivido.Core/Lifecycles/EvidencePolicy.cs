using Vivido.Evidence;

namespace Vivido.Core.Lifecycles;

/// <summary>How evidence moves state: the lifecycle file's <c>evidence</c> section.</summary>
/// <param name="OnCritical">
/// The event fired when a scan with a critical finding is attached to an image in a non-terminal state
/// that accepts it (<c>quarantine</c> in the shipped lifecycles); null fires nothing.
/// </param>
/// <param name="RescanAfter">Images in <paramref name="RescanStates"/> whose newest scan is older than this get a <c>rescan.requested</c> event out; null requests none.</param>
/// <param name="RescanStates">Where re-scans are requested (default Active and Deprecated).</param>
/// <param name="Weights">The scan score's weights.</param>
public sealed record EvidencePolicy(string? OnCritical, TimeSpan? RescanAfter, IReadOnlyList<string> RescanStates, ScoreWeights Weights)
{
    /// <summary>Nothing fires, nothing is requested, default weights.</summary>
    public static EvidencePolicy None { get; } = new(null, null, ["Active", "Deprecated"], ScoreWeights.Default);
}
