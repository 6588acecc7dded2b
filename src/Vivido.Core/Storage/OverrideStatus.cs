namespace Vivido.Core.Storage;

/// <summary>Where a two-admin override stands. Stored as the lowercase name.</summary>
public enum OverrideStatus
{
    /// <summary>Recorded by a first admin, awaiting a second.</summary>
    Pending,

    /// <summary>A second admin confirmed it; the override was committed in the same transaction.</summary>
    Confirmed,

    /// <summary>A second admin rejected it; nothing changed.</summary>
    Rejected,
}
