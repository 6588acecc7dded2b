namespace Vivido.Core.Storage;

/// <summary>What a history entry records. Stored as the lowercase name (<c>accepted</c>, <c>rejected</c>, <c>override</c>).</summary>
public enum HistoryKind
{
    /// <summary>A transition the lifecycle allowed; the state changed.</summary>
    Accepted,

    /// <summary>An attempt the lifecycle refused; the state did not change.</summary>
    Rejected,

    /// <summary>A transition forced by an admin, outside the lifecycle's table.</summary>
    Override,
}
