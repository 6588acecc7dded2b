namespace Vivido.Core.Storage;

/// <summary>The stable lowercase names of storage enums, as stored, hashed and sent over the API.</summary>
public static class StorageNames
{
    /// <summary><c>accepted</c>, <c>rejected</c> or <c>override</c>.</summary>
    public static string ToName(this HistoryKind kind) => kind switch
    {
        HistoryKind.Accepted => "accepted",
        HistoryKind.Rejected => "rejected",
        HistoryKind.Override => "override",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown history kind"),
    };

    /// <summary><c>pending</c>, <c>confirmed</c> or <c>rejected</c>.</summary>
    public static string ToName(this OverrideStatus status) => status switch
    {
        OverrideStatus.Pending => "pending",
        OverrideStatus.Confirmed => "confirmed",
        OverrideStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown override status"),
    };

    /// <summary><c>scan</c>, <c>sbom</c>, <c>signature</c>, <c>provenance</c> or <c>test</c>.</summary>
    public static string ToName(this EvidenceKind kind) => kind switch
    {
        EvidenceKind.Scan => "scan",
        EvidenceKind.Sbom => "sbom",
        EvidenceKind.Signature => "signature",
        EvidenceKind.Provenance => "provenance",
        EvidenceKind.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown evidence kind"),
    };

    /// <summary>The evidence kind named <paramref name="name"/>; throws <see cref="FormatException"/> for any other text.</summary>
    public static EvidenceKind ParseEvidenceKind(string name) => name switch
    {
        "scan" => EvidenceKind.Scan,
        "sbom" => EvidenceKind.Sbom,
        "signature" => EvidenceKind.Signature,
        "provenance" => EvidenceKind.Provenance,
        "test" => EvidenceKind.Test,
        _ => throw new FormatException($"unknown evidence kind '{name}'"),
    };

    /// <summary>The kind named <paramref name="name"/>; throws <see cref="FormatException"/> for any other text.</summary>
    public static HistoryKind ParseHistoryKind(string name) => name switch
    {
        "accepted" => HistoryKind.Accepted,
        "rejected" => HistoryKind.Rejected,
        "override" => HistoryKind.Override,
        _ => throw new FormatException($"unknown history kind '{name}'"),
    };

    /// <summary>The status named <paramref name="name"/>; throws <see cref="FormatException"/> for any other text.</summary>
    public static OverrideStatus ParseOverrideStatus(string name) => name switch
    {
        "pending" => OverrideStatus.Pending,
        "confirmed" => OverrideStatus.Confirmed,
        "rejected" => OverrideStatus.Rejected,
        _ => throw new FormatException($"unknown override status '{name}'"),
    };
}
