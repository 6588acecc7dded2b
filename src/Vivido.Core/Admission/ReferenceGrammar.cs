namespace Vivido.Core.Admission;

/// <summary>The pieces of Docker's reference grammar, checked by hand so that no input can be slow.</summary>
internal static class ReferenceGrammar
{
    private const int Sha256HexLength = 64;

    /// <summary>Null when <paramref name="digest"/> is <c>sha256:</c> and 64 lowercase hex characters, else why not.</summary>
    public static string? DigestError(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return "a digest is an algorithm and hex, e.g. sha256:<64 hex>";
        }

        var algorithm = digest[..colon];
        if (algorithm != "sha256")
        {
            return $"digest algorithm '{Display.Clip(algorithm)}' is not supported; use sha256";
        }

        var hex = digest.AsSpan(colon + 1);
        if (hex.Length != Sha256HexLength || !IsLowerHex(hex))
        {
            return "a sha256 digest has 64 lowercase hex characters";
        }

        return null;
    }

    /// <summary>A tag: a word character, then up to 127 word characters, dots or dashes.</summary>
    public static bool IsTag(ReadOnlySpan<char> tag)
    {
        if (tag.Length is 0 or > 128 || !IsWord(tag[0]))
        {
            return false;
        }

        foreach (var c in tag[1..])
        {
            if (!IsWord(c) && c != '.' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A path component: lowercase alphanumerics separated by <c>.</c>, <c>_</c>, <c>__</c> or a run of dashes.</summary>
    public static bool IsPathComponent(ReadOnlySpan<char> component)
    {
        if (component.Length == 0 || !IsLowerAlphaNumeric(component[0]) || !IsLowerAlphaNumeric(component[^1]))
        {
            return false;
        }

        foreach (var c in component)
        {
            if (!IsLowerAlphaNumeric(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return SeparatorsAreValid(component);
    }

    /// <summary>A registry: a host name or bracketed IPv6 address, then an optional numeric port.</summary>
    public static bool IsRegistry(ReadOnlySpan<char> registry)
    {
        var host = registry;
        if (registry.Length > 0 && registry[0] == '[')
        {
            var close = registry.IndexOf(']');
            if (close < 2 || !IsIpv6Body(registry[1..close]))
            {
                return false;
            }

            host = registry[..(close + 1)];
        }
        else if (registry.IndexOf(':') is var colon and >= 0)
        {
            host = registry[..colon];
        }

        var rest = registry[host.Length..];
        if (rest.Length > 0 && (rest[0] != ':' || rest.Length == 1 || !IsDigits(rest[1..])))
        {
            return false;
        }

        return host.Length > 0 && (host[0] == '[' || IsDomainName(host));
    }

    public static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDomainName(ReadOnlySpan<char> host)
    {
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.Length == 0 || !char.IsAsciiLetterOrDigit(label[0]) || !char.IsAsciiLetterOrDigit(label[^1]))
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsIpv6Body(ReadOnlySpan<char> body)
    {
        foreach (var c in body)
        {
            if (!char.IsAsciiHexDigit(c) && c != ':')
            {
                return false;
            }
        }

        return true;
    }

    // Between two alphanumerics Docker allows exactly one of ".", "_", "__" or a run of dashes, never a mix.
    private static bool SeparatorsAreValid(ReadOnlySpan<char> component)
    {
        var start = -1;
        for (var i = 0; i <= component.Length; i++)
        {
            var separator = i < component.Length && !IsLowerAlphaNumeric(component[i]);
            if (separator && start < 0)
            {
                start = i;
            }
            else if (!separator && start >= 0)
            {
                var run = component[start..i];
                var ok = run is "." or "_" or "__" || !run.ContainsAnyExcept('-');
                if (!ok)
                {
                    return false;
                }

                start = -1;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    private static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsLowerAlphaNumeric(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'z';
}
