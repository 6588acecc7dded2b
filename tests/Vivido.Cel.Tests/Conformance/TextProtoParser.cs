using System.Text;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>
/// Parses the protobuf text format without a schema: <c>name: scalar</c>, <c>name { }</c>,
/// <c>name: { }</c>, <c>name &lt; &gt;</c>, list syntax <c>name: [a, b]</c>, extension / Any names
/// in brackets (<c>[type.googleapis.com/pkg.Msg] { }</c>), adjacent string concatenation, optional
/// ',' or ';' separators and '#' comments.
/// </summary>
internal sealed class TextProtoParser
{
    private readonly TextProtoLexer lexer;
    private TextProtoToken current;

    private TextProtoParser(byte[] utf8)
    {
        lexer = new TextProtoLexer(utf8);
        current = lexer.Next();
    }

    public static TextProtoMessage Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    public static TextProtoMessage Parse(byte[] utf8)
    {
        var parser = new TextProtoParser(utf8);
        var message = parser.ParseFields(closing: null, line: 1);
        return parser.current.Kind == TextProtoTokenKind.End ? message : throw parser.Unexpected("a field name");
    }

    public static TextProtoMessage ParseFile(string path)
    {
        try
        {
            return Parse(File.ReadAllBytes(path));
        }
        catch (TextProtoFormatException ex)
        {
            throw new TextProtoFormatException($"{Path.GetFileName(path)}:{ex.Message}");
        }
    }

    private TextProtoMessage ParseFields(char? closing, int line)
    {
        var fields = new List<TextProtoField>();
        while (!(closing is { } c ? current.IsSymbol(c) : current.Kind == TextProtoTokenKind.End))
        {
            var name = ParseFieldName();
            if (current.IsSymbol(':'))
            {
                Advance();
                ParseValueAfterColon(name, fields);
            }
            else if (current.IsSymbol('['))
            {
                ParseList(name, fields, messagesOnly: true);
            }
            else
            {
                fields.Add(new TextProtoField(name, ParseMessageValue()));
            }

            if (current.IsSymbol(',') || current.IsSymbol(';'))
            {
                Advance();
            }
        }

        return new TextProtoMessage(fields, line);
    }

    private string ParseFieldName()
    {
        if (current.Kind == TextProtoTokenKind.Identifier)
        {
            var name = current.Text;
            Advance();
            return name;
        }

        if (!current.IsSymbol('['))
        {
            throw Unexpected("a field name");
        }

        // An extension or expanded Any: [pkg.ext] or [type.googleapis.com/pkg.Msg].
        var builder = new StringBuilder("[");
        Advance();
        builder.Append(Expect(TextProtoTokenKind.Identifier, "a type name"));
        while (current.IsSymbol('.') || current.IsSymbol('/'))
        {
            builder.Append(current.Text);
            Advance();
            builder.Append(Expect(TextProtoTokenKind.Identifier, "a type name segment"));
        }

        ExpectSymbol(']');
        return builder.Append(']').ToString();
    }

    private void ParseValueAfterColon(string name, List<TextProtoField> fields)
    {
        if (current.IsSymbol('['))
        {
            ParseList(name, fields, messagesOnly: false);
        }
        else if (current.IsSymbol('{') || current.IsSymbol('<'))
        {
            fields.Add(new TextProtoField(name, ParseMessageValue()));
        }
        else
        {
            fields.Add(new TextProtoField(name, ParseScalar()));
        }
    }

    private void ParseList(string name, List<TextProtoField> fields, bool messagesOnly)
    {
        ExpectSymbol('[');
        while (!current.IsSymbol(']'))
        {
            var element = current.IsSymbol('{') || current.IsSymbol('<') ? ParseMessageValue()
                : messagesOnly ? throw Unexpected("'{' (a list without ':' holds only messages)")
                : (TextProtoValue)ParseScalar();
            fields.Add(new TextProtoField(name, element));
            if (!current.IsSymbol(']'))
            {
                ExpectSymbol(',');
            }
        }

        Advance();
    }

    private TextProtoMessage ParseMessageValue()
    {
        var open = current;
        var closing = open.IsSymbol('{') ? '}' : open.IsSymbol('<') ? '>' : throw Unexpected("'{' or '<'");
        Advance();
        var message = ParseFields(closing, open.Line);
        ExpectSymbol(closing);
        return message;
    }

    private TextProtoScalar ParseScalar()
    {
        var start = current;
        switch (start.Kind)
        {
            case TextProtoTokenKind.String:
                var bytes = new List<byte>();
                while (current.Kind == TextProtoTokenKind.String)
                {
                    bytes.AddRange(current.Bytes);
                    Advance();
                }

                return TextProtoScalar.FromString([.. bytes], start.Line);
            case TextProtoTokenKind.Number:
                Advance();
                return TextProtoScalar.FromNumber(start.Text, start.Line);
            case TextProtoTokenKind.Identifier:
                Advance();
                return TextProtoScalar.FromIdentifier(start.Text, start.Line);
            case TextProtoTokenKind.Symbol when start.IsSymbol('-'):
                Advance();
                return ParseNegated(start.Line);
            default:
                throw Unexpected("a value");
        }
    }

    private TextProtoScalar ParseNegated(int line)
    {
        var token = current;
        if (token.Kind == TextProtoTokenKind.Number)
        {
            Advance();
            return TextProtoScalar.FromNumber("-" + token.Text, line);
        }

        if (token.Kind == TextProtoTokenKind.Identifier
            && token.Text.ToUpperInvariant() is "INF" or "INFINITY" or "NAN")
        {
            Advance();
            return TextProtoScalar.FromIdentifier("-" + token.Text, line);
        }

        throw Unexpected("a number, 'inf' or 'nan' after '-'");
    }

    private string Expect(TextProtoTokenKind kind, string what)
    {
        if (current.Kind != kind)
        {
            throw Unexpected(what);
        }

        var text = current.Text;
        Advance();
        return text;
    }

    private void ExpectSymbol(char symbol)
    {
        if (!current.IsSymbol(symbol))
        {
            throw Unexpected($"'{symbol}'");
        }

        Advance();
    }

    private void Advance() => current = lexer.Next();

    private TextProtoFormatException Unexpected(string expected) =>
        new(current.Line, current.Column, $"expected {expected} but found {current.Describe()}");
}
