using System.Globalization;

namespace Vivido.Cel.Parsing;

/// <summary>Splits CEL source into tokens on demand.</summary>
internal sealed class Lexer(string source)
{
    private int _pos;

    public Token Next()
    {
        SkipTrivia();
        if (_pos >= source.Length)
        {
            return new Token(TokenKind.EndOfInput, source.Length, string.Empty, default);
        }

        var start = _pos;
        var c = source[_pos];
        if (IsDigit(c) || (c == '.' && _pos + 1 < source.Length && IsDigit(source[_pos + 1])))
        {
            return ReadNumber();
        }

        if (IsIdentifierStart(c))
        {
            return StringLiteralReader.StartsLiteral(source, _pos)
                ? StringLiteralReader.Read(source, ref _pos)
                : ReadWord();
        }

        if (c is '"' or '\'')
        {
            return StringLiteralReader.Read(source, ref _pos);
        }

        _pos++;
        var next = _pos < source.Length ? source[_pos] : '\0';
        switch (c)
        {
            case '(': return Punct(TokenKind.LeftParen, start, "(");
            case ')': return Punct(TokenKind.RightParen, start, ")");
            case '[': return Punct(TokenKind.LeftBracket, start, "[");
            case ']': return Punct(TokenKind.RightBracket, start, "]");
            case '{': return Punct(TokenKind.LeftBrace, start, "{");
            case '}': return Punct(TokenKind.RightBrace, start, "}");
            case '.': return Punct(TokenKind.Dot, start, ".");
            case ',': return Punct(TokenKind.Comma, start, ",");
            case ':': return Punct(TokenKind.Colon, start, ":");
            case '?': return Punct(TokenKind.Question, start, "?");
            case '+': return Punct(TokenKind.Plus, start, "+");
            case '-': return Punct(TokenKind.Minus, start, "-");
            case '*': return Punct(TokenKind.Star, start, "*");
            case '/': return Punct(TokenKind.Slash, start, "/");
            case '%': return Punct(TokenKind.Percent, start, "%");
            case '!' when next == '=': _pos++; return Punct(TokenKind.NotEqual, start, "!=");
            case '!': return Punct(TokenKind.Bang, start, "!");
            case '=' when next == '=': _pos++; return Punct(TokenKind.EqualEqual, start, "==");
            case '<' when next == '=': _pos++; return Punct(TokenKind.LessEqual, start, "<=");
            case '<': return Punct(TokenKind.Less, start, "<");
            case '>' when next == '=': _pos++; return Punct(TokenKind.GreaterEqual, start, ">=");
            case '>': return Punct(TokenKind.Greater, start, ">");
            case '&' when next == '&': _pos++; return Punct(TokenKind.AndAnd, start, "&&");
            case '|' when next == '|': _pos++; return Punct(TokenKind.OrOr, start, "||");
            default:
                throw SourceErrors.At(source, start, $"unexpected character '{Printable(c)}'");
        }
    }

    private static Token Punct(TokenKind kind, int start, string text) => new(kind, start, text, default);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHexDigit(char c) => IsDigit(c) || c is >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static bool IsIdentifierStart(char c) => c is '_' or >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    private static string Printable(char c) => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString();

    private void SkipTrivia()
    {
        while (_pos < source.Length)
        {
            var c = source[_pos];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < source.Length && source[_pos + 1] == '/')
            {
                while (_pos < source.Length && source[_pos] != '\n' && source[_pos] != '\r')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private Token ReadWord()
    {
        var start = _pos;
        while (_pos < source.Length && IsIdentifierPart(source[_pos]))
        {
            _pos++;
        }

        var word = source[start.._pos];
        var kind = word switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            "in" => TokenKind.In,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, start, word, default);
    }

    private Token ReadNumber()
    {
        var start = _pos;
        if (source[_pos] == '0' && _pos + 1 < source.Length && source[_pos + 1] is 'x' or 'X')
        {
            _pos += 2;
            var digitsStart = _pos;
            while (_pos < source.Length && IsHexDigit(source[_pos]))
            {
                _pos++;
            }

            if (_pos == digitsStart)
            {
                throw SourceErrors.At(source, start, "invalid hexadecimal literal");
            }

            return IntegerToken(start, source[digitsStart.._pos], NumberStyles.AllowHexSpecifier);
        }

        while (_pos < source.Length && IsDigit(source[_pos]))
        {
            _pos++;
        }

        var isDouble = false;
        if (_pos + 1 < source.Length && source[_pos] == '.' && IsDigit(source[_pos + 1]))
        {
            isDouble = true;
            _pos++;
            while (_pos < source.Length && IsDigit(source[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < source.Length && source[_pos] is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            if (_pos < source.Length && source[_pos] is '+' or '-')
            {
                _pos++;
            }

            if (_pos < source.Length && IsDigit(source[_pos]))
            {
                isDouble = true;
                while (_pos < source.Length && IsDigit(source[_pos]))
                {
                    _pos++;
                }
            }
            else
            {
                _pos = save;
            }
        }

        if (isDouble)
        {
            var text = source[start.._pos];
            var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return new Token(TokenKind.Double, start, text, CelValue.Double(value));
        }

        return IntegerToken(start, source[start.._pos], NumberStyles.None);
    }

    /// <summary>
    /// Integers keep their magnitude as a uint value so that the parser can fold a leading minus
    /// (e.g. -9223372036854775808) before checking the int range.
    /// </summary>
    private Token IntegerToken(int start, string digits, NumberStyles style)
    {
        if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var magnitude))
        {
            throw SourceErrors.At(source, start, "integer literal is out of range");
        }

        var isUnsigned = _pos < source.Length && source[_pos] is 'u' or 'U';
        if (isUnsigned)
        {
            _pos++;
        }

        var text = source[start.._pos];
        return new Token(isUnsigned ? TokenKind.Uint : TokenKind.Int, start, text, CelValue.Uint(magnitude));
    }
}
