namespace Vivido.Core.Storage;

/// <summary>The outcome of <see cref="ITransitionStore.CommitTransitionAsync"/>: <see cref="Committed"/>, <see cref="VersionConflict"/>, <see cref="OverrideNotPending"/> or <see cref="ExclusiveStateOccupied"/>.</summary>
public abstract record CommitResult;
