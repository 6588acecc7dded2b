namespace Vivido.Core.Deployments;

/// <summary>How a rollback turned out, from the deployments of the digest it rolled back to.</summary>
public enum RollbackOutcome
{
    /// <summary>Not seen healthy or failed since the rollback yet.</summary>
    Pending,

    /// <summary>Seen healthy at or after the rollback.</summary>
    Succeeded,

    /// <summary>Seen at or after the rollback only as failed.</summary>
    Failed,
}
