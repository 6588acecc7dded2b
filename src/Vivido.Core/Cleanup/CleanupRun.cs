namespace Vivido.Core.Cleanup;

/// <summary>The outcome of a cleanup: the plan it carried out, what was deleted and what failed.</summary>
/// <param name="Plan">The plan, computed when the run started.</param>
/// <param name="Deleted">The images deleted now, each with its history entry.</param>
/// <param name="Failed">The planned images not deleted, each with the reason.</param>
public sealed record CleanupRun(CleanupPlan Plan, IReadOnlyList<CleanupDeleted> Deleted, IReadOnlyList<CleanupFailure> Failed);
