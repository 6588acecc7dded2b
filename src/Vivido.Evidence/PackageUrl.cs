using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Vivido.Evidence;

/// <summary>
/// A package URL (<c>pkg:type/namespace/name@version?qualifiers#subpath</c>) parsed per the purl
/// specification: components percent-decoded, the type lowercased, and the namespace and name lowercased
/// (pypi: also <c>_</c> to <c>-</c>) for the types the specification declares case-insensitive.
/// </summary>
public sealed class PackageUrl
{
    private static readonly HashSet<string> LowercaseNamespaceAndName =
        new(["alpm", "apk", "bitbucket", "composer", "deb", "github", "golang", "hex", "luarocks"], StringComparer.Ordinal);

    private static readonly HashSet<string> LowercaseNamespace = new(["qpkg", "rpm"], StringComparer.Ordinal);

    private static readonly HashSet<string> LowercaseName = new(["bitnami", "oci", "pub", "pypi"], StringComparer.Ordinal);

    private PackageUrl(string type, string? @namespace, string name, string? version, IReadOnlyDictionary<string, string> qualifiers, string? subpath)
    {
        Type = type;
        Namespace = @namespace;
        Name = name;
        Version = version;
        Qualifiers = qualifiers;
        Subpath = subpath;
    }

    /// <summary>The package type, lowercase (<c>npm</c>, <c>apk</c>, <c>oci</c>).</summary>
    public string Type { get; }

    /// <summary>The namespace (segments joined by <c>/</c>), decoded; null when absent.</summary>
    public string? Namespace { get; }

    /// <summary>The name, decoded.</summary>
    public string Name { get; }

    /// <summary>The version, decoded; null when absent.</summary>
    public string? Version { get; }

    /// <summary>The qualifiers, keys lowercase, values decoded.</summary>
    public IReadOnlyDictionary<string, string> Qualifiers { get; }

    /// <summary>The subpath, decoded; null when absent.</summary>
    public string? Subpath { get; }

    /// <summary>The package without version, qualifiers and subpath (<c>pkg:apk/alpine/musl</c>): what "every version of this package" is matched on.</summary>
    public string Base => "pkg:" + Type + "/" + (Namespace is null ? string.Empty : EncodeSegments(Namespace) + "/") + Encode(Name);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static PackageUrl Parse(string text) =>
        TryParse(text, out var purl, out var error) ? purl : throw new FormatException(error);

    /// <summary>Parses <paramref name="text"/>; false when it is not a package URL.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PackageUrl? purl) => TryParse(text, out purl, out _);

    /// <summary>The canonical form: components encoded, qualifiers sorted by key.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Base);
        if (Version is not null)
        {
            text.Append('@').Append(Encode(Version));
        }

        if (Qualifiers.Count > 0)
        {
            text.Append('?').AppendJoin('&', Qualifiers.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => q.Key + "=" + Encode(q.Value)));
        }

        if (Subpath is not null)
        {
            text.Append('#').Append(EncodeSegments(Subpath));
        }

        return text.ToString();
    }

    private static bool TryParse(string? text, [NotNullWhen(true)] out PackageUrl? purl, [NotNullWhen(false)] out string? error)
    {
        purl = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the package URL is empty";
            return false;
        }

        var rest = text.Trim();
        string? subpath = null;
        var hash = rest.LastIndexOf('#');
        if (hash >= 0)
        {
            subpath = JoinSegments(rest[(hash + 1)..], dropDots: true);
            rest = rest[..hash];
        }

        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        var question = rest.LastIndexOf('?');
        if (question >= 0)
        {
            if (!TryParseQualifiers(rest[(question + 1)..], qualifiers, out error))
            {
                return false;
            }

            rest = rest[..question];
        }

        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !rest[..colon].Equals("pkg", StringComparison.OrdinalIgnoreCase))
        {
            error = $"\"{text}\" is not a package URL: it must start with pkg:";
            return false;
        }

        rest = rest[(colon + 1)..].Trim('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var type = (slash < 0 ? rest : rest[..slash]).ToLowerInvariant();
        if (type.Length == 0 || !char.IsAsciiLetter(type[0]) || !type.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-'))
        {
            error = $"\"{text}\" is not a package URL: the type \"{type}\" is not valid";
            return false;
        }

        rest = slash < 0 ? string.Empty : rest[(slash + 1)..];
        string? version = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            version = Decode(rest[(at + 1)..]);
            rest = rest[..at];
            version = version.Length == 0 ? null : version;
        }

        rest = rest.TrimEnd('/');
        var nameStart = rest.LastIndexOf('/') + 1;
        var name = Decode(rest[nameStart..]);
        if (name.Length == 0)
        {
            error = $"\"{text}\" is not a package URL: the name is missing";
            return false;
        }

        var @namespace = nameStart > 0 ? JoinSegments(rest[..(nameStart - 1)], dropDots: false) : null;
        (@namespace, name, version) = Normalize(type, @namespace, name, version);
        purl = new PackageUrl(type, @namespace, name, version, qualifiers, subpath);
        error = null;
        return true;
    }

    private static (string? Namespace, string Name, string? Version) Normalize(string type, string? @namespace, string name, string? version)
    {
        if (LowercaseNamespaceAndName.Contains(type) || LowercaseNamespace.Contains(type))
        {
            @namespace = @namespace?.ToLowerInvariant();
        }

        if (LowercaseNamespaceAndName.Contains(type) || LowercaseName.Contains(type))
        {
            name = name.ToLowerInvariant();
        }

        if (type == "pypi")
        {
            name = name.Replace('_', '-');
        }

        if (type == "huggingface")
        {
            version = version?.ToLowerInvariant();
        }

        return (@namespace, name, version);
    }

    private static bool TryParseQualifiers(string text, Dictionary<string, string> qualifiers, [NotNullWhen(false)] out string? error)
    {
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (key.Length == 0 || !char.IsAsciiLetter(key[0]) || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                error = $"the package URL qualifier key \"{key}\" is not valid";
                return false;
            }

            // The specification discards qualifiers without a value.
            if (value.Length > 0 && !qualifiers.TryAdd(key, value))
            {
                error = $"the package URL qualifier \"{key}\" is given twice";
                return false;
            }
        }

        error = null;
        return true;
    }

    private static string? JoinSegments(string text, bool dropDots)
    {
        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !dropDots || (s != "." && s != ".."))
            .Select(Decode)
            .ToList();
        return segments.Count == 0 ? null : string.Join('/', segments);
    }

    private static string Decode(string text) => text.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(text) : text;

    private static string EncodeSegments(string text) => string.Join('/', text.Split('/').Select(Encode));

    private static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':')
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
