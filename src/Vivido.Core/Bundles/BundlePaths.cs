using System.Globalization;
using Vivido.Core.Storage;

namespace Vivido.Core.Bundles;

/// <summary>The names of a bundle's files and the rules every entry name must follow.</summary>
internal static class BundlePaths
{
    public const string Manifest = "manifest.json";
    public const string Image = "image.json";
    public const string Facts = "facts.json";
    public const string History = "history.json";
    public const string Index = "evidence/index.json";
    public const string EvidenceFolder = "evidence/";

    public static IReadOnlyList<string> Required { get; } = [Image, Facts, History, Index];

    /// <summary><c>evidence/&lt;id&gt;-&lt;kind&gt;.</c>: what a raw document's name starts with.</summary>
    public static string RawPrefix(long id, EvidenceKind kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{EvidenceFolder}{id}-{kind.ToName()}.");

    /// <summary><c>evidence/&lt;id&gt;-&lt;kind&gt;.&lt;ext&gt;</c>, the extension from the media type (else from the content).</summary>
    public static string Raw(long id, EvidenceKind kind, string? mediaType, ReadOnlySpan<byte> content) =>
        RawPrefix(id, kind) + Extension(mediaType, content);

    /// <summary>True when <paramref name="path"/> is <see cref="RawPrefix"/> followed by an extension of 1 to 16 ASCII letters or digits.</summary>
    public static bool IsRaw(string path, long id, EvidenceKind kind)
    {
        var prefix = RawPrefix(id, kind);
        return path.StartsWith(prefix, StringComparison.Ordinal)
            && path.Length - prefix.Length is > 0 and <= 16
            && path[prefix.Length..].All(char.IsAsciiLetterOrDigit);
    }

    /// <summary>A relative path of non-empty segments, none <c>.</c> or <c>..</c>, no backslash or control character.</summary>
    public static bool IsSafe(string path) =>
        path.Length is > 0 and <= 255
        && !path.StartsWith('/')
        && !path.Any(c => c == '\\' || char.IsControl(c))
        && path.Split('/').All(segment => segment is { Length: > 0 } and not "." and not "..");

    private static string Extension(string? mediaType, ReadOnlySpan<byte> content)
    {
        var type = mediaType?.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "application/json" or "text/json" => "json",
            { } t when t.EndsWith("+json", StringComparison.Ordinal) => "json",
            "application/xml" or "text/xml" => "xml",
            { } t when t.EndsWith("+xml", StringComparison.Ordinal) => "xml",
            "text/plain" => "txt",
            null when LooksLikeJson(content) => "json",
            _ => "bin",
        };
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> content)
    {
        var trimmed = content.TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && (trimmed[0] == (byte)'{' || trimmed[0] == (byte)'[');
    }
}
