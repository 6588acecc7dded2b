namespace Vivido.Evidence;

/// <summary>Limits applied before anything is parsed.</summary>
/// <param name="MaxBytes">Documents larger than this are refused (default 16 MiB).</param>
/// <param name="MaxDepth">JSON nested deeper than this is refused (default 64).</param>
public sealed record EvidenceReaderOptions(long MaxBytes = 16 * 1024 * 1024, int MaxDepth = 64)
{
    /// <summary>The defaults.</summary>
    public static EvidenceReaderOptions Default { get; } = new();
}
