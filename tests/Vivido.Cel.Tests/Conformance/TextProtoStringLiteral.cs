using System.Text;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>
/// Reads one quoted text-format string literal and decodes its escapes to bytes: \a \b \f \n \r \t \v
/// \\ \' \" \?, octal \N..\NNN, hex \xH or \xHH, and \uHHHH / \UHHHHHHHH (UTF-8 encoded code points;
/// a \u surrogate pair is combined).
/// </summary>
internal static class TextProtoStringLiteral
{
    public static byte[] Read(byte[] source, ref int position, int line, int column)
    {
        var quote = source[position++];
        var output = new List<byte>();
        while (true)
        {
            if (position >= source.Length || source[position] == (byte)'\n')
            {
                throw new TextProtoFormatException(line, column, "unterminated string literal");
            }

            var b = source[position++];
            if (b == quote)
            {
                return [.. output];
            }

            if (b != (byte)'\\')
            {
                output.Add(b);
                continue;
            }

            if (position >= source.Length)
            {
                throw new TextProtoFormatException(line, column, "unterminated string literal");
            }

            ReadEscape(source, ref position, output, line, column);
        }
    }

    private static void ReadEscape(byte[] source, ref int position, List<byte> output, int line, int column)
    {
        var e = (char)source[position++];
        switch (e)
        {
            case 'a': output.Add(0x07); break;
            case 'b': output.Add(0x08); break;
            case 'f': output.Add(0x0C); break;
            case 'n': output.Add(0x0A); break;
            case 'r': output.Add(0x0D); break;
            case 't': output.Add(0x09); break;
            case 'v': output.Add(0x0B); break;
            case '\\' or '\'' or '"' or '?': output.Add((byte)e); break;
            case >= '0' and <= '7':
                var octal = e - '0';
                for (var i = 0; i < 2 && position < source.Length && source[position] is >= (byte)'0' and <= (byte)'7'; i++)
                {
                    octal = (octal * 8) + (source[position++] - '0');
                }

                output.Add(octal <= 0xFF ? (byte)octal : throw Error(line, column, "octal escape above \\377"));
                break;
            case 'x' or 'X':
                var hex = ReadHex(source, ref position, 1, 2) ?? throw Error(line, column, "\\x must be followed by hex digits");
                output.Add((byte)hex);
                break;
            case 'u':
                AppendCodePoint(output, ReadUnicode(source, ref position, line, column));
                break;
            case 'U':
                var codePoint = ReadHex(source, ref position, 8, 8) ?? throw Error(line, column, "\\U needs 8 hex digits");
                if (codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
                {
                    throw Error(line, column, $"\\U{codePoint:X8} is not a Unicode scalar value");
                }

                AppendCodePoint(output, (int)codePoint);
                break;
            default:
                throw Error(line, column, $"invalid escape '\\{e}'");
        }
    }

    private static int ReadUnicode(byte[] source, ref int position, int line, int column)
    {
        var unit = (int?)ReadHex(source, ref position, 4, 4) ?? throw Error(line, column, "\\u needs 4 hex digits");
        if (unit is >= 0xDC00 and <= 0xDFFF)
        {
            throw Error(line, column, $"unpaired low surrogate \\u{unit:X4}");
        }

        if (unit is < 0xD800 or > 0xDBFF)
        {
            return unit;
        }

        var next = position;
        if (next + 1 < source.Length && source[next] == (byte)'\\' && source[next + 1] == (byte)'u')
        {
            next += 2;
            if (ReadHex(source, ref next, 4, 4) is long low and >= 0xDC00 and <= 0xDFFF)
            {
                position = next;
                return char.ConvertToUtf32((char)unit, (char)low);
            }
        }

        throw Error(line, column, $"unpaired high surrogate \\u{unit:X4}");
    }

    /// <summary>Reads between <paramref name="min"/> and <paramref name="max"/> hex digits; null when too few.</summary>
    private static long? ReadHex(byte[] source, ref int position, int min, int max)
    {
        long value = 0;
        var count = 0;
        while (count < max && position < source.Length && char.IsAsciiHexDigit((char)source[position]))
        {
            var digit = (char)source[position++];
            value = (value * 16) + (char.IsAsciiDigit(digit) ? digit - '0' : (digit | 0x20) - 'a' + 10);
            count++;
        }

        return count >= min ? value : null;
    }

    private static void AppendCodePoint(List<byte> output, int codePoint) =>
        output.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(codePoint)));

    private static TextProtoFormatException Error(int line, int column, string message) => new(line, column, message);
}
