using System.Text.RegularExpressions;

namespace Vivido.Core.Service;

/// <summary>Syntax checks for what callers send: digests, repositories, tags, free-text sizes.</summary>
public static partial class Names
{
    /// <summary>The longest reason, comment or parameter value accepted.</summary>
    public const int MaxText = 2000;

    /// <summary>The most attributes, parameters or tags one request may carry.</summary>
    public const int MaxEntries = 64;

    /// <summary><c>sha256:</c> followed by 64 lowercase hex digits.</summary>
    public static bool IsDigest(string? value) => value is not null && Digest().IsMatch(value);

    /// <summary>An OCI repository name, optionally prefixed by a registry host (and port).</summary>
    public static bool IsRepository(string? value) => value is { Length: > 0 and <= 255 } && Repository().IsMatch(value);

    /// <summary>An OCI tag: up to 128 of letters, digits, <c>_ . -</c>, not starting with <c>.</c> or <c>-</c>.</summary>
    public static bool IsTag(string? value) => value is not null && Tag().IsMatch(value);

    /// <summary>A key of attributes or parameters: 1..128 printable characters without whitespace.</summary>
    public static bool IsKey(string? value) =>
        value is { Length: > 0 and <= 128 } && value.All(c => c > ' ' && c != '\u007f');

    /// <summary>A token name: 1..64 of letters, digits, <c>. _ - @</c>.</summary>
    public static bool IsTokenName(string? value) => value is not null && TokenName().IsMatch(value);

    [GeneratedRegex("^sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digest();

    [GeneratedRegex(
        @"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?/)?" +
        @"[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Repository();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TokenName();
}
