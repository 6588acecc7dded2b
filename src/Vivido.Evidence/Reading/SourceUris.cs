namespace Vivido.Evidence.Reading;

/// <summary>Reduces a source reference (<c>git+https://host/org/repo@refs/tags/v1</c>, <c>https://host/org/repo.git#sha</c>) to its repository URI.</summary>
internal static class SourceUris
{
    public static string Repository(string uri)
    {
        var value = uri.Trim();
        if (value.StartsWith("git+", StringComparison.Ordinal))
        {
            value = value["git+".Length..];
        }

        var cut = value.IndexOfAny(['#', '?']);
        if (cut >= 0)
        {
            value = value[..cut];
        }

        // A ref follows '@' in the path; an '@' before the path is user information and stays.
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        var pathStart = value.IndexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (pathStart >= 0)
        {
            var at = value.IndexOf('@', pathStart);
            if (at >= 0)
            {
                value = value[..at];
            }
        }

        if (value.EndsWith(".git", StringComparison.Ordinal))
        {
            value = value[..^".git".Length];
        }

        return value.TrimEnd('/');
    }
}
