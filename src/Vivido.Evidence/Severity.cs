namespace Vivido.Evidence;

/// <summary>A normalised severity; scanners' spellings (CRITICAL, Critical, Negligible…) map onto these.</summary>
public enum Severity
{
    /// <summary>No or an unrecognised severity.</summary>
    Unknown,

    /// <summary>Low (also Negligible, None, Info).</summary>
    Low,

    /// <summary>Medium (also Moderate).</summary>
    Medium,

    /// <summary>High (also Important).</summary>
    High,

    /// <summary>Critical.</summary>
    Critical,
}
