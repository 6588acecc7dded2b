using System.Text;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>
/// Splits UTF-8 text-format input into tokens. Works on bytes so that string literals keep the exact
/// bytes of the source (non-ASCII characters stay UTF-8) and escapes can produce arbitrary bytes.
/// </summary>
internal sealed class TextProtoLexer
{
    private const string Symbols = "{}<>[]:,;-/.";
    private readonly byte[] source;
    private int position;
    private int line = 1;
    private int lineStart;

    public TextProtoLexer(byte[] source) => this.source = source;

    public TextProtoToken Next()
    {
        SkipWhitespaceAndComments();
        var startLine = line;
        var startColumn = position - lineStart + 1;
        if (position >= source.Length)
        {
            return new TextProtoToken(TextProtoTokenKind.End, string.Empty, [], startLine, startColumn);
        }

        var c = (char)source[position];
        if (c is '"' or '\'')
        {
            var bytes = TextProtoStringLiteral.Read(source, ref position, startLine, startColumn);
            return new TextProtoToken(TextProtoTokenKind.String, string.Empty, bytes, startLine, startColumn);
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            var text = Take(static b => char.IsAsciiLetterOrDigit((char)b) || b == '_');
            return new TextProtoToken(TextProtoTokenKind.Identifier, text, [], startLine, startColumn);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && position + 1 < source.Length && char.IsAsciiDigit((char)source[position + 1])))
        {
            var text = TakeNumber();
            return TextProtoNumber.IsWellFormed(text)
                ? new TextProtoToken(TextProtoTokenKind.Number, text, [], startLine, startColumn)
                : throw new TextProtoFormatException(startLine, startColumn, $"malformed number '{text}'");
        }

        if (Symbols.Contains(c, StringComparison.Ordinal))
        {
            position++;
            return new TextProtoToken(TextProtoTokenKind.Symbol, c.ToString(), [], startLine, startColumn);
        }

        throw new TextProtoFormatException(startLine, startColumn, $"unexpected character '{c}'");
    }

    private void SkipWhitespaceAndComments()
    {
        while (position < source.Length)
        {
            var b = source[position];
            if (b == (byte)'#')
            {
                while (position < source.Length && source[position] != (byte)'\n')
                {
                    position++;
                }
            }
            else if (b == (byte)'\n')
            {
                position++;
                line++;
                lineStart = position;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or 0x0B or 0x0C)
            {
                position++;
            }
            else
            {
                return;
            }
        }
    }

    private string Take(Func<byte, bool> accept)
    {
        var start = position;
        while (position < source.Length && accept(source[position]))
        {
            position++;
        }

        return Encoding.ASCII.GetString(source, start, position - start);
    }

    /// <summary>Greedy: letters and dots are included so that malformed literals like <c>1x</c> are rejected whole.</summary>
    private string TakeNumber()
    {
        var start = position;
        var hex = source[position] == (byte)'0' && position + 1 < source.Length && source[position + 1] is (byte)'x' or (byte)'X';
        while (position < source.Length)
        {
            var b = (char)source[position];
            var exponentSign = !hex && b is '+' or '-' && source[position - 1] is (byte)'e' or (byte)'E';
            if (!(char.IsAsciiLetterOrDigit(b) || b is '_' or '.' || exponentSign))
            {
                break;
            }

            position++;
        }

        return Encoding.ASCII.GetString(source, start, position - start);
    }
}
