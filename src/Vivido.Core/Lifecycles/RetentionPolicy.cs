namespace Vivido.Core.Lifecycles;

/// <summary>What the cleanup job must keep.</summary>
/// <param name="KeepRollbackCandidates">How many of a repository's most recent Deprecated digests are never deleted.</param>
public sealed record RetentionPolicy(int KeepRollbackCandidates)
{
    /// <summary>Keeps three rollback candidates.</summary>
    public static RetentionPolicy Default { get; } = new(3);
}
