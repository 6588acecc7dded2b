namespace Vivido.Evidence.Reading;

/// <summary>Normalises image digests to lowercase <c>sha256:&lt;64 hex&gt;</c>; anything malformed is dropped.</summary>
internal static class Digests
{
    private const string Prefix = "sha256:";

    /// <summary><c>sha256:ABC…</c> or a bare 64-hex value, as a normalised digest; null when malformed.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[Prefix.Length..];
        }

        return value.Length == 64 && value.All(char.IsAsciiHexDigit) ? Prefix + value.ToLowerInvariant() : null;
    }

    /// <summary>The digest of a reference such as <c>repo@sha256:…</c>; null when it has none.</summary>
    public static string? FromReference(string? reference)
    {
        var at = reference?.LastIndexOf('@') ?? -1;
        return at < 0 ? null : Normalize(reference![(at + 1)..]);
    }

    /// <summary>Adds <paramref name="digest"/> to <paramref name="subjects"/> when well-formed and new.</summary>
    public static void AddTo(List<string> subjects, string? digest)
    {
        if (digest is not null && !subjects.Contains(digest, StringComparer.Ordinal))
        {
            subjects.Add(digest);
        }
    }
}
