using System.Globalization;
using System.Text;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>
/// A scalar token. Strings keep their decoded bytes (text format escapes produce bytes, not chars);
/// numbers and identifiers keep their source text, including a leading '-', and are converted when
/// the caller knows the field's type.
/// </summary>
internal sealed class TextProtoScalar : TextProtoValue
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[] bytes;

    private TextProtoScalar(TextProtoScalarKind kind, string text, byte[] bytes, int line)
        : base(line)
    {
        Kind = kind;
        Text = text;
        this.bytes = bytes;
    }

    public TextProtoScalarKind Kind { get; }

    /// <summary>Source text of a number or identifier (e.g. <c>-0x1F</c>, <c>NULL_VALUE</c>); empty for strings.</summary>
    public string Text { get; }

    public static TextProtoScalar FromString(byte[] value, int line) => new(TextProtoScalarKind.String, string.Empty, value, line);

    public static TextProtoScalar FromNumber(string text, int line) => new(TextProtoScalarKind.Number, text, [], line);

    public static TextProtoScalar FromIdentifier(string text, int line) => new(TextProtoScalarKind.Identifier, text, [], line);

    /// <summary>The raw bytes of a string literal (a copy), as a <c>bytes</c> field reads them.</summary>
    public byte[] AsBytes() => (byte[])RequireKind(TextProtoScalarKind.String).bytes.Clone();

    /// <summary>The string literal decoded as UTF-8, as a <c>string</c> field reads it; invalid UTF-8 is an error.</summary>
    public string AsString()
    {
        RequireKind(TextProtoScalarKind.String);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new TextProtoFormatException($"line {Line}: string value is not valid UTF-8 ({ex.Message})");
        }
    }

    public long AsInt64()
    {
        var (negative, magnitude) = ParseInteger();
        if (!negative)
        {
            return magnitude <= long.MaxValue ? (long)magnitude : throw OutOfRange("int64");
        }

        return magnitude <= (ulong)long.MaxValue + 1 ? unchecked((long)(0UL - magnitude)) : throw OutOfRange("int64");
    }

    public ulong AsUInt64()
    {
        var (negative, magnitude) = ParseInteger();
        return negative && magnitude != 0 ? throw OutOfRange("uint64") : magnitude;
    }

    public double AsDouble()
    {
        var negative = Text.StartsWith('-');
        var body = negative ? Text[1..] : Text;
        double magnitude;
        if (Kind == TextProtoScalarKind.Identifier)
        {
            magnitude = body.ToUpperInvariant() switch
            {
                "INF" or "INFINITY" => double.PositiveInfinity,
                "NAN" => double.NaN,
                _ => throw Mismatch("double"),
            };
        }
        else if (TextProtoNumber.IsInteger(RequireKind(TextProtoScalarKind.Number).Text))
        {
            magnitude = TextProtoNumber.ParseMagnitude(body) ?? throw OutOfRange("double");
        }
        else
        {
            magnitude = double.Parse(body.TrimEnd('f', 'F'), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return negative ? -magnitude : magnitude;
    }

    public bool AsBool() => Text switch
    {
        "true" or "True" or "t" or "1" => true,
        "false" or "False" or "f" or "0" => false,
        _ => throw Mismatch("bool"),
    };

    /// <summary>An enum value: its name, or its number as text (e.g. <c>NULL_VALUE</c> or <c>0</c>).</summary>
    public string AsEnum() =>
        Kind == TextProtoScalarKind.Identifier || TextProtoNumber.IsInteger(Text) ? Text : throw Mismatch("enum");

    public override string ToString()
    {
        if (Kind != TextProtoScalarKind.String)
        {
            return Text;
        }

        var text = new StringBuilder("\"");
        foreach (var b in bytes)
        {
            _ = b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\'
                ? text.Append((char)b)
                : text.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
        }

        return text.Append('"').ToString();
    }

    private (bool Negative, ulong Magnitude) ParseInteger()
    {
        RequireKind(TextProtoScalarKind.Number);
        if (!TextProtoNumber.IsInteger(Text))
        {
            throw Mismatch("integer");
        }

        var negative = Text.StartsWith('-');
        var magnitude = TextProtoNumber.ParseMagnitude(negative ? Text[1..] : Text) ?? throw OutOfRange("integer");
        return (negative, magnitude);
    }

    private TextProtoScalar RequireKind(TextProtoScalarKind kind) => Kind == kind ? this : throw Mismatch(kind.ToString().ToLowerInvariant());

    private TextProtoFormatException Mismatch(string wanted) =>
        new($"line {Line}: expected a {wanted} value but found {Kind.ToString().ToLowerInvariant()} '{this}'");

    private TextProtoFormatException OutOfRange(string type) => new($"line {Line}: '{Text}' is out of range for {type}");
}
