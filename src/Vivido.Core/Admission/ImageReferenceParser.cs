namespace Vivido.Core.Admission;

/// <summary>Splits a reference into registry, path, tag and digest and checks each against Docker's grammar.</summary>
internal static class ImageReferenceParser
{
    private const string DockerHub = "docker.io";

    public static ImageReference? Parse(string text, out string? error)
    {
        error = Check(text, out var reference);
        return error is null ? reference : null;
    }

    private static string? Check(string text, out ImageReference? reference)
    {
        reference = null;
        var quoted = $"invalid image reference '{Display.Clip(text)}'";
        if (text.Length == 0)
        {
            return "invalid image reference '': it is empty";
        }

        if (text.Length > ImageReference.MaxLength)
        {
            return $"{quoted}: longer than {ImageReference.MaxLength} characters";
        }

        string? digest = null;
        var rest = text;
        if (text.IndexOf('@', StringComparison.Ordinal) is var at and >= 0)
        {
            digest = text[(at + 1)..];
            rest = text[..at];
            if (ReferenceGrammar.DigestError(digest) is { } digestError)
            {
                return $"{quoted}: {digestError}";
            }
        }

        string? tag = null;
        if (rest.IndexOf(':', rest.LastIndexOf('/') + 1) is var colon and >= 0)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!ReferenceGrammar.IsTag(tag))
            {
                return $"{quoted}: a tag is 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'";
            }
        }

        if (rest.Length == 0)
        {
            return $"{quoted}: the repository name is missing";
        }

        if (rest.Length > ImageReference.MaxNameLength)
        {
            return $"{quoted}: the repository name is longer than {ImageReference.MaxNameLength} characters";
        }

        var (registry, path) = SplitRegistry(rest);
        if (!ReferenceGrammar.IsRegistry(registry))
        {
            return $"{quoted}: '{Display.Clip(registry)}' is not a valid registry host[:port]";
        }

        if (!path.Equals(path.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return $"{quoted}: repository names must be lowercase";
        }

        if (!ValidPath(path))
        {
            return $"{quoted}: repository path components are lowercase letters and digits separated by '.', '_', '__' or '-'";
        }

        if (text.Length == 64 && ReferenceGrammar.IsLowerHex(text))
        {
            return $"{quoted}: a 64-hex-character string is an image ID, not a repository name";
        }

        var implicitTag = tag is null && digest is null;
        reference = new ImageReference(text, registry, path, implicitTag ? "latest" : tag, implicitTag, digest);
        return null;
    }

    private static (string Registry, string Path) SplitRegistry(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        string registry;
        string path;
        var first = slash < 0 ? "" : name[..slash];
        if (slash >= 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            registry = first.ToLowerInvariant();
            path = name[(slash + 1)..];
        }
        else
        {
            registry = DockerHub;
            path = name;
        }

        // Docker folds its legacy index host into docker.io; registry-1 is the same service under another name.
        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            registry = DockerHub;
        }

        if (registry == DockerHub && !path.Contains('/', StringComparison.Ordinal))
        {
            path = "library/" + path;
        }

        return (registry, path);
    }

    private static bool ValidPath(string path)
    {
        var span = path.AsSpan();
        foreach (var range in span.Split('/'))
        {
            if (!ReferenceGrammar.IsPathComponent(span[range]))
            {
                return false;
            }
        }

        return true;
    }
}
