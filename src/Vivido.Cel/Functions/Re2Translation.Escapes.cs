using System.Globalization;

namespace Vivido.Cel.Functions;

/// <summary>Escape sequences and Unicode classes.</summary>
internal sealed partial class Re2Translation
{
    private void Escape()
    {
        if (_pos + 1 >= pattern.Length)
        {
            throw new FormatException("trailing backslash");
        }

        var c = pattern[_pos + 1];
        _pos += 2;
        switch (c)
        {
            case 'd': Output.Append("[0-9]"); return;
            case 'D': Output.Append("[^0-9]"); return;
            case 'w': Output.Append("[0-9A-Za-z_]"); return;
            case 'W': Output.Append("[^0-9A-Za-z_]"); return;
            case 's': Output.Append(@"[\t\n\f\r ]"); return;
            case 'S': Output.Append(@"[^\t\n\f\r ]"); return;
            case 'A' or 'z' or 'b' or 'B' or 'a' or 'f' or 't' or 'n' or 'r' or 'v':
                Output.Append('\\').Append(c);
                return;
            case 'Q':
                Quoted();
                return;
            default:
                Output.Append(SharedEscape(c));
                return;
        }
    }

    private void Quoted()
    {
        var end = pattern.IndexOf(@"\E", _pos, StringComparison.Ordinal);
        var text = end < 0 ? pattern[_pos..] : pattern[_pos..end];
        foreach (var ch in text)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                Output.Append(ch);
            }
            else
            {
                Output.Append(EscapeChar(ch));
            }
        }

        _pos = end < 0 ? pattern.Length : end + 2;
    }

    /// <summary>Escapes valid both inside and outside classes: \x, \p, and escaped punctuation.</summary>
    private string SharedEscape(char c)
    {
        switch (c)
        {
            case 'x':
                return HexEscape();
            case 'p' or 'P':
                return UnicodeClass(c == 'P');
            case >= '0' and <= '9':
                throw new FormatException("backreferences and octal escapes are not supported");
            default:
                if (c < 128 && !char.IsAsciiLetterOrDigit(c))
                {
                    return EscapeChar(c);
                }

                throw new FormatException($"invalid escape '\\{c}'");
        }
    }

    private string HexEscape()
    {
        int value;
        if (_pos < pattern.Length && pattern[_pos] == '{')
        {
            var end = pattern.IndexOf('}', _pos);
            if (end < 0 || !int.TryParse(pattern.AsSpan(_pos + 1, end - _pos - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
                || value is < 0 or > 0x10FFFF)
            {
                throw new FormatException("invalid \\x{...} escape");
            }

            _pos = end + 1;
        }
        else if (_pos + 2 > pattern.Length
            || !int.TryParse(pattern.AsSpan(_pos, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
        {
            throw new FormatException("invalid \\x escape");
        }
        else
        {
            _pos += 2;
        }

        if (value > 0xFFFF)
        {
            throw new FormatException("code points outside the Basic Multilingual Plane are not supported in escapes");
        }

        return EscapeChar((char)value);
    }

    private string UnicodeClass(bool negated)
    {
        string name;
        if (_pos < pattern.Length && pattern[_pos] == '{')
        {
            var end = pattern.IndexOf('}', _pos);
            if (end < 0)
            {
                throw new FormatException("invalid Unicode class");
            }

            name = pattern[(_pos + 1)..end];
            _pos = end + 1;
        }
        else if (_pos < pattern.Length)
        {
            name = pattern[_pos].ToString();
            _pos++;
        }
        else
        {
            throw new FormatException("invalid Unicode class");
        }

        if (name.StartsWith('^'))
        {
            negated = !negated;
            name = name[1..];
        }

        if (!Categories.Contains(name))
        {
            throw new FormatException($"unsupported Unicode class '{name}'");
        }

        return (negated ? @"\P{" : @"\p{") + name + "}";
    }

    private static string EscapeChar(char c) => @"\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
