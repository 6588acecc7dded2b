namespace Vivido.Core.Lifecycles;

/// <summary>Which states a Kubernetes namespace may run. Rules apply in file order; the first match wins.</summary>
/// <param name="Namespaces">A namespace name or glob, where <c>*</c> matches any run of characters.</param>
/// <param name="Allow">The states whose images may run there.</param>
public sealed record AdmissionRule(string Namespaces, IReadOnlyList<string> Allow)
{
    /// <summary>True when <paramref name="namespaceName"/> matches <see cref="Namespaces"/>.</summary>
    public bool Matches(string namespaceName)
    {
        ArgumentNullException.ThrowIfNull(namespaceName);
        return GlobMatches(Namespaces, namespaceName);
    }

    private static bool GlobMatches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // Iterative glob with backtracking to the last '*': linear for the patterns used here.
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (p < pattern.Length && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
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
