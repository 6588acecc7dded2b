namespace Vivido.Evidence.Reading;

/// <summary>Maps scanners' severity spellings onto <see cref="Severity"/>.</summary>
internal static class Severities
{
    public static Severity Parse(string? text)
    {
        var value = text.AsSpan().Trim();
        return Is(value, "critical") ? Severity.Critical
            : Is(value, "high") || Is(value, "important") ? Severity.High
            : Is(value, "medium") || Is(value, "moderate") ? Severity.Medium
            : Is(value, "low") || Is(value, "negligible") || Is(value, "none") || Is(value, "info") || Is(value, "informational") ? Severity.Low
            : Severity.Unknown;
    }

    private static bool Is(ReadOnlySpan<char> value, string name) => value.Equals(name, StringComparison.OrdinalIgnoreCase);

    public static Severity Max(Severity a, Severity b) => a >= b ? a : b;
}
