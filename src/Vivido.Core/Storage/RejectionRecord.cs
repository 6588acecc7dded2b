namespace Vivido.Core.Storage;

/// <summary>A refused attempt to append to history as <see cref="HistoryKind.Rejected"/>; the image's state and version do not change.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Event">The event that was refused.</param>
/// <param name="Actor">The token name.</param>
/// <param name="Reason">The caller's reason, if given.</param>
/// <param name="Params">The event parameters.</param>
/// <param name="At">When.</param>
/// <param name="Detail">Why it was refused, e.g. each unmet guard and its message, or the allowed events.</param>
public sealed record RejectionRecord(
    string Digest,
    string Event,
    string Actor,
    string? Reason,
    IReadOnlyDictionary<string, string> Params,
    DateTimeOffset At,
    string Detail)
{
    /// <summary>
    /// Set when a lifecycle timer fired the event: the store also records that this timer fired for the
    /// image's current entry into its state (see <see cref="ITimerStore"/>), in the same transaction, so
    /// it is not fired again. When that firing is already recorded, nothing is written and the store returns null.
    /// </summary>
    public string? TimerEvent { get; init; }

    /// <summary>
    /// When set, the rejection is appended only while the image is still at this version; otherwise nothing
    /// is written and the store returns null (the refusal was decided on data that has changed since).
    /// </summary>
    public long? ExpectedVersion { get; init; }
}
