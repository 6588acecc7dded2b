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
    string Detail);
