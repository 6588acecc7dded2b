using System.Globalization;
using System.Text;

namespace Vivido.Cel.Parsing;

/// <summary>
/// Reads string and bytes literals: single, double and triple quotes, raw (r/R) and bytes (b/B)
/// prefixes, and every CEL escape. In bytes literals \x and octal escapes are raw octets.
/// </summary>
internal static class StringLiteralReader
{
    public static bool StartsLiteral(string source, int pos)
    {
        var i = pos;
        var raw = false;
        var bytes = false;
        while (i < source.Length && i - pos < 2)
        {
            var c = source[i];
            if (c is 'r' or 'R' && !raw)
            {
                raw = true;
            }
            else if (c is 'b' or 'B' && !bytes)
            {
                bytes = true;
            }
            else
            {
                break;
            }

            i++;
        }

        return i > pos && i < source.Length && source[i] is '"' or '\'';
    }

    public static Token Read(string source, ref int pos)
    {
        var start = pos;
        var raw = false;
        var isBytes = false;
        while (source[pos] is not ('"' or '\''))
        {
            raw |= source[pos] is 'r' or 'R';
            isBytes |= source[pos] is 'b' or 'B';
            pos++;
        }

        var quote = source[pos];
        var triple = pos + 2 < source.Length && source[pos + 1] == quote && source[pos + 2] == quote;
        pos += triple ? 3 : 1;
        var decoder = new LiteralBuilder(isBytes);
        while (true)
        {
            if (pos >= source.Length)
            {
                throw SourceErrors.At(source, start, "unterminated string literal");
            }

            var c = source[pos];
            if (IsClosing(source, pos, quote, triple))
            {
                pos += triple ? 3 : 1;
                break;
            }

            if (!triple && c is '\n' or '\r')
            {
                throw SourceErrors.At(source, pos, "newline in string literal");
            }

            if (c == '\\' && !raw)
            {
                ReadEscape(source, ref pos, decoder);
                continue;
            }

            if (char.IsHighSurrogate(c) && pos + 1 < source.Length && char.IsLowSurrogate(source[pos + 1]))
            {
                decoder.AppendCodePoint(char.ConvertToUtf32(c, source[pos + 1]));
                pos += 2;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw SourceErrors.At(source, pos, "invalid UTF-16 surrogate in string literal");
            }

            decoder.AppendCodePoint(c);
            pos++;
        }

        var text = source[start..pos];
        return isBytes
            ? new Token(TokenKind.Bytes, start, text, CelValue.Bytes(decoder.ToBytes()))
            : new Token(TokenKind.String, start, text, CelValue.String(decoder.ToText()));
    }

    private static bool IsClosing(string source, int pos, char quote, bool triple) =>
        source[pos] == quote
        && (!triple || (pos + 2 < source.Length && source[pos + 1] == quote && source[pos + 2] == quote));

    private static void ReadEscape(string source, ref int pos, LiteralBuilder builder)
    {
        var start = pos;
        if (pos + 1 >= source.Length)
        {
            throw SourceErrors.At(source, start, "unterminated escape sequence");
        }

        var c = source[pos + 1];
        pos += 2;
        switch (c)
        {
            case 'a': builder.AppendCodePoint(7); return;
            case 'b': builder.AppendCodePoint(8); return;
            case 'f': builder.AppendCodePoint(12); return;
            case 'n': builder.AppendCodePoint(10); return;
            case 'r': builder.AppendCodePoint(13); return;
            case 't': builder.AppendCodePoint(9); return;
            case 'v': builder.AppendCodePoint(11); return;
            case '\\' or '?' or '"' or '\'' or '`': builder.AppendCodePoint(c); return;
            case 'x' or 'X':
                builder.AppendOctet(ReadHex(source, ref pos, 2, start));
                return;
            case 'u' or 'U' when builder.IsBytes:
                throw SourceErrors.At(source, start, "\\u escapes are not allowed in bytes literals");
            case 'u':
                builder.AppendCodePoint(CheckedCodePoint(source, ReadHex(source, ref pos, 4, start), start));
                return;
            case 'U':
                builder.AppendCodePoint(CheckedCodePoint(source, ReadHex(source, ref pos, 8, start), start));
                return;
            case >= '0' and <= '3':
                builder.AppendOctet(ReadOctal(source, ref pos, start));
                return;
            default:
                throw SourceErrors.At(source, start, $"invalid escape sequence '\\{c}'");
        }
    }

    private static int ReadHex(string source, ref int pos, int count, int start)
    {
        if (pos + count > source.Length
            || !int.TryParse(source.AsSpan(pos, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || value < 0)
        {
            throw SourceErrors.At(source, start, "invalid hexadecimal escape sequence");
        }

        pos += count;
        return value;
    }

    private static int ReadOctal(string source, ref int pos, int start)
    {
        // The first digit (0-3) has been consumed as the escape letter.
        var first = source[pos - 1] - '0';
        if (pos + 2 > source.Length || source[pos] is < '0' or > '7' || source[pos + 1] is < '0' or > '7')
        {
            throw SourceErrors.At(source, start, "invalid octal escape sequence");
        }

        var value = (first * 64) + ((source[pos] - '0') * 8) + (source[pos + 1] - '0');
        pos += 2;
        return value;
    }

    private static int CheckedCodePoint(string source, int value, int start) =>
        value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)
            ? throw SourceErrors.At(source, start, "invalid unicode code point in escape sequence")
            : value;

    /// <summary>Accumulates either UTF-16 text or raw bytes.</summary>
    private sealed class LiteralBuilder(bool isBytes)
    {
        private readonly StringBuilder _text = new();
        private readonly List<byte> _bytes = [];

        public bool IsBytes => isBytes;

        public void AppendCodePoint(int codePoint)
        {
            if (isBytes)
            {
                Span<byte> buffer = stackalloc byte[4];
                var written = new Rune(codePoint).EncodeToUtf8(buffer);
                for (var i = 0; i < written; i++)
                {
                    _bytes.Add(buffer[i]);
                }
            }
            else
            {
                _text.Append(char.ConvertFromUtf32(codePoint));
            }
        }

        /// <summary>\x and octal escapes: an octet in bytes literals, a code point in strings.</summary>
        public void AppendOctet(int value)
        {
            if (isBytes)
            {
                _bytes.Add((byte)value);
            }
            else
            {
                AppendCodePoint(value);
            }
        }

        public string ToText() => _text.ToString();

        public byte[] ToBytes() => [.. _bytes];
    }
}
