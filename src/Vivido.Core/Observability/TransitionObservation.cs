using Vivido.Core.Storage;

namespace Vivido.Core.Observability;

/// <summary>A history entry just written about a transition attempt.</summary>
/// <param name="Entry">The entry (its kind is the result: accepted, rejected or override).</param>
/// <param name="Repository">The image's repository.</param>
/// <param name="TimeInPreviousState">For an accepted entry that left a state: how long the image had been in it; otherwise null.</param>
public sealed record TransitionObservation(HistoryEntry Entry, string Repository, TimeSpan? TimeInPreviousState)
{
    /// <summary>True when the entry is an effect of another image's transition (e.g. the superseded Active digest).</summary>
    public bool IsEffect { get; init; }
}
