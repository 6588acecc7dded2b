namespace Vivido.Core.Cleanup;

/// <summary>What a cleanup deletes and what it keeps, image by image.</summary>
/// <param name="At">The time planned for.</param>
/// <param name="KeepRollbackCandidates">The lifecycle's <c>retention.keepRollbackCandidates</c>.</param>
/// <param name="Delete">The images to delete from their registries, by repository then retirement.</param>
/// <param name="Keep">Every other image not yet deleted, with its reasons.</param>
/// <param name="AlreadyDeleted">Images whose deletion is already recorded; they are never deleted twice.</param>
public sealed record CleanupPlan(
    DateTimeOffset At,
    int KeepRollbackCandidates,
    IReadOnlyList<CleanupTarget> Delete,
    IReadOnlyList<CleanupKept> Keep,
    IReadOnlyList<CleanupDeleted> AlreadyDeleted);
