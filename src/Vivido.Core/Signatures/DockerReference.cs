namespace Vivido.Core.Signatures;

/// <summary>
/// Docker-style repository references in one canonical form, <c>host/path</c>: a first component with
/// <c>.</c> or <c>:</c>, or <c>localhost</c>, is the registry host; otherwise the host is docker.io
/// (whose aliases index.docker.io and registry-1.docker.io are folded into it, and whose one-component
/// names live under <c>library/</c>).
/// </summary>
public static class DockerReference
{
    private const string DockerHub = "docker.io";

    /// <summary>The canonical <c>host/path</c> of a repository or reference; a tag or digest suffix is dropped.</summary>
    public static string Canonical(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var name = reference.Trim();
        if (name.IndexOf('@', StringComparison.Ordinal) is var at and >= 0)
        {
            name = name[..at];
        }

        var lastSlash = name.LastIndexOf('/');
        if (name.IndexOf(':', lastSlash + 1) is var colon and >= 0)
        {
            name = name[..colon];
        }

        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? null : name[..slash];
        string host;
        string path;
        if (first is not null && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            host = first.ToLowerInvariant();
            path = name[(slash + 1)..];
        }
        else
        {
            host = DockerHub;
            path = name;
        }

        if (host is "index.docker.io" or "registry-1.docker.io")
        {
            host = DockerHub;
        }

        if (host == DockerHub && !path.Contains('/', StringComparison.Ordinal))
        {
            path = "library/" + path;
        }

        return host + "/" + path;
    }

    /// <summary>True when both name the same repository once canonical.</summary>
    public static bool SameRepository(string left, string right) =>
        string.Equals(Canonical(left), Canonical(right), StringComparison.Ordinal);
}
