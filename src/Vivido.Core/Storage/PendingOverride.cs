namespace Vivido.Core.Storage;

/// <summary>A stored two-admin override and its resolution.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Digest">The image.</param>
/// <param name="FromState">The image's state when requested.</param>
/// <param name="ToState">The state to force.</param>
/// <param name="ExpectedVersion">The image's version when requested.</param>
/// <param name="Reason">The first admin's reason.</param>
/// <param name="RequestedBy">The first admin.</param>
/// <param name="RequestedAt">When requested.</param>
/// <param name="Status">Pending, confirmed or rejected.</param>
/// <param name="ResolvedBy">The second admin, once resolved.</param>
/// <param name="ResolvedAt">When resolved.</param>
/// <param name="ResolutionReason">The second admin's reason for a rejection.</param>
public sealed record PendingOverride(
    long Id,
    string Digest,
    string FromState,
    string ToState,
    long ExpectedVersion,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    OverrideStatus Status,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolutionReason);
