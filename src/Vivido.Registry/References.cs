using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Vivido.Registry;

/// <summary>Validates repository paths, tags and digests before they go into a URL.</summary>
internal static partial class References
{
    public static string Repository(string repository)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        return RepositoryPattern().IsMatch(repository)
            ? repository
            : throw new ArgumentException($"'{repository}' is not a valid repository path (lowercase components separated by '/')", nameof(repository));
    }

    public static string Reference(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return TagPattern().IsMatch(reference) || DigestPattern().IsMatch(reference)
            ? reference
            : throw new ArgumentException($"'{reference}' is neither a tag nor a digest", nameof(reference));
    }

    public static string Digest(string digest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(digest);
        return DigestPattern().IsMatch(digest) ? digest : throw new ArgumentException($"'{digest}' is not a digest (algorithm:hex)", nameof(digest));
    }

    public static bool IsDigest(string reference) => DigestPattern().IsMatch(reference);

    public static string Sha256(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$")]
    private static partial Regex DigestPattern();
}
