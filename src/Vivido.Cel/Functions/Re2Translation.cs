using System.Globalization;
using System.Text;

namespace Vivido.Cel.Functions;

/// <summary>One RE2 to .NET translation: the main loop, groups, flags and repeats.</summary>
internal sealed partial class Re2Translation(string pattern)
{
    private const string AnyCodePoint = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S])";
    private const string AnyButNewline = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\n])";
    private const int MaxRepeat = 1000;

    private static readonly HashSet<string> Categories = new(StringComparer.Ordinal)
    {
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
        "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn",
    };

    private readonly Stack<(bool DotAll, bool MultiLine)> _groups = new();
    private int _pos;
    private bool _dotAll;
    private bool _multiLine;

    public StringBuilder Output { get; } = new();

    public void Run()
    {
        while (_pos < pattern.Length)
        {
            var c = pattern[_pos];
            switch (c)
            {
                case '\\':
                    Escape();
                    break;
                case '[':
                    CharacterClass();
                    break;
                case '(':
                    Group();
                    break;
                case ')':
                    if (_groups.Count == 0)
                    {
                        throw new FormatException("unbalanced ')'");
                    }

                    (_dotAll, _multiLine) = _groups.Pop();
                    Output.Append(c);
                    _pos++;
                    break;
                case '.':
                    Output.Append(_dotAll ? AnyCodePoint : AnyButNewline);
                    _pos++;
                    break;
                case '$':
                    Output.Append(_multiLine ? "$" : @"\z");
                    _pos++;
                    break;
                case '{':
                    Repeat();
                    break;
                default:
                    Literal();
                    break;
            }
        }

        if (_groups.Count > 0)
        {
            throw new FormatException("missing ')'");
        }
    }

    private void Literal()
    {
        var c = pattern[_pos];
        if (char.IsHighSurrogate(c) && _pos + 1 < pattern.Length && char.IsLowSurrogate(pattern[_pos + 1]))
        {
            // Group the pair so that a following quantifier applies to the whole code point.
            Output.Append("(?:").Append(c).Append(pattern[_pos + 1]).Append(')');
            _pos += 2;
            return;
        }

        if (c is '#' or ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
        {
            Output.Append(EscapeChar(c));
        }
        else
        {
            Output.Append(c);
        }

        _pos++;
    }

    private void Repeat()
    {
        var end = pattern.IndexOf('}', _pos);
        var body = end < 0 ? string.Empty : pattern[(_pos + 1)..end];
        var parts = body.Split(',');
        var isRepeat = parts.Length is 1 or 2 && parts[0].Length > 0 && parts.All(p => p.All(char.IsAsciiDigit));
        if (!isRepeat)
        {
            Output.Append(@"\{");
            _pos++;
            return;
        }

        foreach (var part in parts)
        {
            if (part.Length > 0 && (part.Length > 4 || int.Parse(part, CultureInfo.InvariantCulture) > MaxRepeat))
            {
                throw new FormatException($"repeat count exceeds {MaxRepeat}");
            }
        }

        Output.Append(pattern, _pos, end - _pos + 1);
        _pos = end + 1;
    }

    private void Group()
    {
        _groups.Push((_dotAll, _multiLine));
        if (_pos + 1 >= pattern.Length || pattern[_pos + 1] != '?')
        {
            Output.Append('(');
            _pos++;
            return;
        }

        var rest = pattern.AsSpan(_pos + 2);
        if (rest.StartsWith("P<") || (rest.StartsWith("<") && !rest.StartsWith("<=") && !rest.StartsWith("<!")))
        {
            NamedGroup(rest.StartsWith("P<") ? _pos + 4 : _pos + 3);
            return;
        }

        if (rest.StartsWith(":"))
        {
            Output.Append("(?:");
            _pos += 3;
            return;
        }

        if (rest.IsEmpty || !(char.IsAsciiLetter(rest[0]) || rest[0] == '-'))
        {
            throw new FormatException("lookaround, atomic groups, conditionals and backreferences are not supported");
        }

        Flags();
    }

    private void NamedGroup(int nameStart)
    {
        var end = pattern.IndexOf('>', nameStart);
        if (end <= nameStart || !pattern.AsSpan(nameStart, end - nameStart).ContainsOnlyWordChars())
        {
            throw new FormatException("invalid named group");
        }

        Output.Append("(?<").Append(pattern, nameStart, end - nameStart).Append('>');
        _pos = end + 1;
    }

    private void Flags()
    {
        var i = _pos + 2;
        var negate = false;
        while (i < pattern.Length && pattern[i] is not (')' or ':'))
        {
            switch (pattern[i])
            {
                case '-' when !negate:
                    negate = true;
                    break;
                case 'i':
                    break;
                case 's':
                    _dotAll = !negate;
                    break;
                case 'm':
                    _multiLine = !negate;
                    break;
                default:
                    throw new FormatException($"unsupported flag '{pattern[i]}'");
            }

            i++;
        }

        if (i >= pattern.Length)
        {
            throw new FormatException("missing ')'");
        }

        var flags = pattern[(_pos + 2)..i];
        if (pattern[i] == ')')
        {
            // "(?i)" changes the flags of the enclosing group, so it does not open one.
            var inner = (_dotAll, _multiLine);
            _groups.Pop();
            (_dotAll, _multiLine) = inner;
            Output.Append("(?").Append(flags).Append(')');
        }
        else
        {
            Output.Append("(?").Append(flags).Append(':');
        }

        _pos = i + 1;
    }
}
