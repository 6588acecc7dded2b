namespace Vivido.Cel.Functions;

/// <summary>Bracketed character classes, including POSIX classes.</summary>
internal sealed partial class Re2Translation
{
    private void CharacterClass()
    {
        Output.Append('[');
        _pos++;
        if (_pos < pattern.Length && pattern[_pos] == '^')
        {
            Output.Append('^');
            _pos++;
        }

        var first = true;
        while (true)
        {
            if (_pos >= pattern.Length)
            {
                throw new FormatException("missing ']'");
            }

            var c = pattern[_pos];
            if (c == ']' && !first)
            {
                Output.Append(']');
                _pos++;
                return;
            }

            first = false;
            if (c == '[' && pattern.AsSpan(_pos).StartsWith("[:"))
            {
                PosixClass();
            }
            else if (c == '\\')
            {
                ClassEscape();
            }
            else if (char.IsSurrogate(c))
            {
                throw new FormatException("characters outside the Basic Multilingual Plane are not supported in character classes");
            }
            else
            {
                Output.Append(c is '[' or ']' ? EscapeChar(c) : c.ToString());
                _pos++;
            }
        }
    }

    private void ClassEscape()
    {
        if (_pos + 1 >= pattern.Length)
        {
            throw new FormatException("trailing backslash");
        }

        var c = pattern[_pos + 1];
        _pos += 2;
        switch (c)
        {
            case 'd': Output.Append("0-9"); return;
            case 'w': Output.Append("0-9A-Za-z_"); return;
            case 's': Output.Append(@"\t\n\f\r "); return;
            case 'D' or 'W' or 'S' or 'a' or 'f' or 't' or 'n' or 'r' or 'v':
                Output.Append('\\').Append(c);
                return;
            default:
                Output.Append(SharedEscape(c));
                return;
        }
    }

    private void PosixClass()
    {
        var end = pattern.IndexOf(":]", _pos + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new FormatException("invalid POSIX class");
        }

        var name = pattern[(_pos + 2)..end];
        Output.Append(name switch
        {
            "alnum" => "0-9A-Za-z",
            "alpha" => "A-Za-z",
            "ascii" => @"\x00-\x7F",
            "blank" => @"\t ",
            "cntrl" => @"\x00-\x1F\x7F",
            "digit" => "0-9",
            "graph" => @"!-~",
            "lower" => "a-z",
            "print" => @" -~",
            "punct" => @"!-/:-@\[-`{-~",
            "space" => @"\t\n\v\f\r ",
            "upper" => "A-Z",
            "word" => "0-9A-Za-z_",
            "xdigit" => "0-9A-Fa-f",
            _ => throw new FormatException($"unsupported POSIX class '{name}'"),
        });
        _pos = end + 2;
    }
}
