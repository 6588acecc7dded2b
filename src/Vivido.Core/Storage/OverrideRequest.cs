namespace Vivido.Core.Storage;

/// <summary>A first admin's override awaiting a second admin's confirmation.</summary>
/// <param name="Digest">The image.</param>
/// <param name="FromState">Its state when requested.</param>
/// <param name="ToState">The state to force.</param>
/// <param name="ExpectedVersion">Its version when requested; the confirming commit uses it.</param>
/// <param name="Reason">The mandatory reason.</param>
/// <param name="RequestedBy">The first admin's token name.</param>
/// <param name="At">When.</param>
public sealed record OverrideRequest(
    string Digest,
    string FromState,
    string ToState,
    long ExpectedVersion,
    string Reason,
    string RequestedBy,
    DateTimeOffset At);
