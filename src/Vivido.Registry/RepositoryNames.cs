namespace Vivido.Registry;

/// <summary>Splits Vivido repository names into registry host and path, the way docker references do.</summary>
public static class RepositoryNames
{
    /// <summary>The registry host assumed for names without one.</summary>
    public const string DockerHub = "docker.io";

    /// <summary>
    /// <c>127.0.0.1:5000/team/app</c> → (<c>127.0.0.1:5000</c>, <c>team/app</c>): the first component is a host when it
    /// contains <c>.</c> or <c>:</c> or is <c>localhost</c>; otherwise the host is docker.io (and single names get <c>library/</c>).
    /// </summary>
    public static (string Host, string Path) Split(string repository)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = repository[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                return (first, repository[(slash + 1)..]);
            }

            return (DockerHub, repository);
        }

        return (DockerHub, "library/" + repository);
    }

    /// <summary>The Vivido repository name for <paramref name="path"/> in the registry at <paramref name="host"/>.</summary>
    public static string Join(string host, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return host == DockerHub ? path : host + "/" + path;
    }
}
