namespace Vivido.Core.Service;

/// <summary>
/// Glob patterns over whole repository names: <c>*</c> matches any run of characters, including
/// <c>/</c>, so <c>team-a/*</c> covers <c>team-a/api</c> and <c>team-a/tools/builder</c>.
/// </summary>
public static class RepositoryPattern
{
    /// <summary>True when <paramref name="pattern"/> matches all of <paramref name="repository"/>.</summary>
    public static bool Matches(string pattern, string repository)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(repository);
        return Match(pattern.AsSpan(), repository.AsSpan());
    }

    /// <summary>A usable pattern: non-empty, repository characters or <c>*</c>, no whitespace.</summary>
    public static bool IsValid(string pattern) =>
        pattern.Length is > 0 and <= 255 &&
        pattern.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or '/' or '.' or '-' or '_' or ':');

    // Iterative glob with single-star backtracking: linear in practice, no regex compilation per request.
    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
