using System.Globalization;
using System.Text.RegularExpressions;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>Recognises and converts text-format number literals (decimal, octal, hex, float).</summary>
internal static partial class TextProtoNumber
{
    /// <summary>True when the text (with an optional leading '-') is a well-formed number literal.</summary>
    public static bool IsWellFormed(string text) => IntegerPattern().IsMatch(text) || FloatPattern().IsMatch(text);

    /// <summary>True for decimal, octal and hex integer literals (with an optional leading '-').</summary>
    public static bool IsInteger(string text) => IntegerPattern().IsMatch(text);

    /// <summary>The unsigned value of an unsigned integer literal, or null when it exceeds 64 bits.</summary>
    public static ulong? ParseMagnitude(string literal)
    {
        if (literal.Length > 1 && literal[0] == '0' && (literal[1] is 'x' or 'X'))
        {
            return ulong.TryParse(literal.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)
                ? hex
                : null;
        }

        if (literal.Length > 1 && literal[0] == '0')
        {
            ulong value = 0;
            foreach (var digit in literal.AsSpan(1))
            {
                if (value > ulong.MaxValue >> 3)
                {
                    return null;
                }

                value = (value << 3) + (uint)(digit - '0');
            }

            return value;
        }

        return ulong.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var dec) ? dec : null;
    }

    [GeneratedRegex("^-?(0|[1-9][0-9]*|0[0-7]+|0[xX][0-9A-Fa-f]+)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^-?(([0-9]+\.[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fF]?|[0-9]+[eE][+-]?[0-9]+[fF]?|(0|[1-9][0-9]*)[fF])$")]
    private static partial Regex FloatPattern();
}
