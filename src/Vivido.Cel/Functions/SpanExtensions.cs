namespace Vivido.Cel.Functions;

/// <summary>Small span helpers for the translator.</summary>
internal static class SpanExtensions
{
    public static bool ContainsOnlyWordChars(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
