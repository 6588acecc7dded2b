namespace Vivido.Core.Storage;

/// <summary>Nothing was written: the pending override the commit meant to confirm is missing or already resolved.</summary>
/// <param name="OverrideId">The override's id.</param>
/// <param name="Status">Its current status; null when there is no such override.</param>
public sealed record OverrideNotPending(long OverrideId, OverrideStatus? Status) : CommitResult;
