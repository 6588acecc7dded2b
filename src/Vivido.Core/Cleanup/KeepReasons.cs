namespace Vivido.Core.Cleanup;

/// <summary>Why the cleanup keeps an image: the stable strings of <see cref="CleanupKept.Reason"/>.</summary>
public static class KeepReasons
{
    /// <summary>The image is not in Retired.</summary>
    public const string NotRetired = "not-retired";

    /// <summary>A deployment reports it healthy or degraded.</summary>
    public const string Running = "running";

    /// <summary>It is among the repository's last N rollback candidates (lifecycle <c>retention.keepRollbackCandidates</c>).</summary>
    public const string RollbackCandidate = "rollback-candidate";
}
