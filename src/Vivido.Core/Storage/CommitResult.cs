namespace Vivido.Core.Storage;

/// <summary>The outcome of <see cref="ITransitionStore.CommitTransitionAsync"/>: <see cref="Committed"/>, <see cref="VersionConflict"/> or <see cref="OverrideNotPending"/>.</summary>
public abstract record CommitResult;
