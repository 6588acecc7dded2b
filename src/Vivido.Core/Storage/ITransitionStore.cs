namespace Vivido.Core.Storage;

/// <summary>Writing transitions, rejections and overrides.</summary>
public interface ITransitionStore
{
    /// <summary>
    /// In ONE transaction: compare-and-swap on <see cref="TransitionCommit.ExpectedVersion"/>, the new
    /// state (version +1, entered-state time = At), the hash-chained history entry, the
    /// <see cref="TransitionCommit.Effects"/> on the repository's other images (each with its own entry),
    /// the outbox rows, and the confirmation of a pending override. Returns <see cref="Committed"/>, or
    /// <see cref="VersionConflict"/> / <see cref="OverrideNotPending"/> / <see cref="ExclusiveStateOccupied"/> with nothing written.
    /// </summary>
    Task<CommitResult> CommitTransitionAsync(TransitionCommit commit, CancellationToken cancellationToken = default);

    /// <summary>Appends a refused attempt as kind rejected, from the image's current state, to null; state and version unchanged. Null when the digest is not registered (or, with <see cref="RejectionRecord.TimerEvent"/>, when that timer firing is already recorded; or, with <see cref="RejectionRecord.ExpectedVersion"/>, when the image is at another version).</summary>
    Task<HistoryEntry?> AppendRejectionAsync(RejectionRecord rejection, CancellationToken cancellationToken = default);

    /// <summary>Records a first admin's override for a second admin to confirm (by a commit with <see cref="TransitionCommit.ConfirmsOverrideId"/>) or reject. Null when the digest is not registered.</summary>
    Task<PendingOverride?> RecordOverrideAsync(OverrideRequest request, CancellationToken cancellationToken = default);

    /// <summary>The override with this id, or null.</summary>
    Task<PendingOverride?> FindOverrideAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The digest's overrides still pending, oldest first.</summary>
    Task<IReadOnlyList<PendingOverride>> ListPendingOverridesAsync(string digest, CancellationToken cancellationToken = default);

    /// <summary>Marks a pending override rejected by <paramref name="actor"/>. Returns the updated override, or null when it is missing or no longer pending.</summary>
    Task<PendingOverride?> RejectOverrideAsync(long id, string actor, string? reason, DateTimeOffset at, CancellationToken cancellationToken = default);
}
