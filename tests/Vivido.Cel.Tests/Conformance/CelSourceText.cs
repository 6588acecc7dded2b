namespace Vivido.Cel.Tests.Conformance;

/// <summary>
/// Blanks the contents of CEL string and bytes literals and of <c>//</c> comments so that skip rules
/// which look for syntax (<c>TestAllTypes{</c>, <c>.?</c>) are neither fooled by the same characters
/// inside a literal nor missed because a comment sits between tokens.
/// </summary>
internal static class CelSourceText
{
    /// <summary>
    /// The source with every literal's body and every comment replaced by spaces; quotes, prefixes and
    /// line breaks stay, so the length and line structure do not change.
    /// </summary>
    public static string WithoutLiteralsAndComments(string source)
    {
        var chars = source.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            if (chars[i] == '/' && i + 1 < chars.Length && chars[i + 1] == '/')
            {
                for (; i < chars.Length && chars[i] != '\n'; i++)
                {
                    chars[i] = ' ';
                }

                continue;
            }

            if (chars[i] is not ('"' or '\''))
            {
                i++;
                continue;
            }

            var raw = IsRawPrefix(source, i);
            var quote = chars[i];
            var triple = i + 2 < chars.Length && chars[i + 1] == quote && chars[i + 2] == quote;
            var delimiter = triple ? 3 : 1;
            var j = i + delimiter;
            while (j < chars.Length && !ClosesAt(chars, j, quote, delimiter))
            {
                var step = !raw && chars[j] == '\\' && j + 1 < chars.Length ? 2 : 1;
                for (var k = j; k < j + step; k++)
                {
                    chars[k] = ' ';
                }

                j += step;
            }

            i = j + delimiter;
        }

        return new string(chars);
    }

    private static bool ClosesAt(char[] chars, int index, char quote, int delimiter)
    {
        for (var k = 0; k < delimiter; k++)
        {
            if (index + k >= chars.Length || chars[index + k] != quote)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the quote at <paramref name="quoteIndex"/> follows a prefix containing r/R (r, rb, br...).</summary>
    private static bool IsRawPrefix(string source, int quoteIndex)
    {
        var start = quoteIndex;
        while (start > 0 && (char.IsAsciiLetterOrDigit(source[start - 1]) || source[start - 1] == '_'))
        {
            start--;
        }

        var prefix = source[start..quoteIndex].ToUpperInvariant();
        return prefix is "R" or "RB" or "BR";
    }
}
