namespace Vivido.Cel.Tests.Conformance;

public class TextProtoScalarTests
{
    [Theory]
    [InlineData(@"'\n\t\r\\\'\""\a\b\f\v\?'", new byte[] { 10, 9, 13, 92, 39, 34, 7, 8, 12, 11, 63 })]
    [InlineData(@"""\000\377""", new byte[] { 0, 255 })]
    [InlineData(@"""\0\12\1234""", new byte[] { 0, 10, 0x53, (byte)'4' })]
    [InlineData(@"""\x00\xff\xA\x41B""", new byte[] { 0, 255, 10, 0x41, (byte)'B' })]
    [InlineData(@"""\303\277""", new byte[] { 0xC3, 0xBF })]
    [InlineData("\"ÿ\"", new byte[] { 0xC3, 0xBF })]
    [InlineData(@"""\u00e9""", new byte[] { 0xC3, 0xA9 })]
    [InlineData(@"""\U0001F600""", new byte[] { 0xF0, 0x9F, 0x98, 0x80 })]
    [InlineData(@"""\ud83d\ude00""", new byte[] { 0xF0, 0x9F, 0x98, 0x80 })]
    [InlineData(@"'say ""hi""' "" it's""", new byte[] { 0x73, 0x61, 0x79, 0x20, 0x22, 0x68, 0x69, 0x22, 0x20, 0x69, 0x74, 0x27, 0x73 })]
    [InlineData(@"""""", new byte[0])]
    public void AsBytes_StringLiteral_DecodesEscapesToBytes(string literal, byte[] expected)
    {
        Read(literal).AsBytes().ShouldBe(expected);
    }

    [Theory]
    [InlineData(@"""caf\303\251""", "café")]
    [InlineData(@"""\u00e9\U0001F600""", "é😀")]
    [InlineData("\"ÿ😀\"", "ÿ😀")]
    [InlineData(@"""a"" 'b' ""c""", "abc")]
    public void AsString_Utf8Bytes_DecodedToText(string literal, string expected)
    {
        Read(literal).AsString().ShouldBe(expected);
    }

    [Fact]
    public void AsString_InvalidUtf8_ThrowsButBytesStillRead()
    {
        var scalar = Read(@"""\000\377""");

        Should.Throw<TextProtoFormatException>(() => scalar.AsString()).Message.ShouldContain("not valid UTF-8");
        scalar.AsBytes().ShouldBe(new byte[] { 0, 255 });
    }

    [Theory]
    [InlineData(@"""\q""", "invalid escape '\\q'")]
    [InlineData(@"""\x""", "\\x must be followed by hex digits")]
    [InlineData(@"""\u12""", "\\u needs 4 hex digits")]
    [InlineData(@"""\U00110000""", "is not a Unicode scalar value")]
    [InlineData(@"""\UFFFFFFFF""", "is not a Unicode scalar value")]
    [InlineData(@"""\ud800""", "unpaired high surrogate")]
    [InlineData(@"""\udc00""", "unpaired low surrogate")]
    [InlineData(@"""\400""", "octal escape above \\377")]
    [InlineData(@"""abc\", "unterminated string literal")]
    public void Parse_InvalidEscape_Throws(string literal, string reason)
    {
        Should.Throw<TextProtoFormatException>(() => Read(literal)).Message.ShouldContain(reason);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-1", -1L)]
    [InlineData("42", 42L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0x1F", 31L)]
    [InlineData("-0x10", -16L)]
    [InlineData("017", 15L)]
    public void AsInt64_IntegerLiteral_Converted(string literal, long expected)
    {
        Read(literal).AsInt64().ShouldBe(expected);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("1.5")]
    [InlineData("inf")]
    [InlineData("'1'")]
    public void AsInt64_NotAnInt64_Throws(string literal)
    {
        Should.Throw<TextProtoFormatException>(() => Read(literal).AsInt64());
    }

    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("0xFFFFFFFFFFFFFFFF", ulong.MaxValue)]
    [InlineData("01777777777777777777777", ulong.MaxValue)]
    public void AsUInt64_IntegerLiteral_Converted(string literal, ulong expected)
    {
        Read(literal).AsUInt64().ShouldBe(expected);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("18446744073709551616")]
    [InlineData("0x10000000000000000")]
    [InlineData("03777777777777777777777")]
    public void AsUInt64_OutOfRange_Throws(string literal)
    {
        Should.Throw<TextProtoFormatException>(() => Read(literal).AsUInt64()).Message.ShouldContain("out of range");
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-2.5e3", -2500.0)]
    [InlineData(".5", 0.5)]
    [InlineData("1e10", 1e10)]
    [InlineData("1E-2", 0.01)]
    [InlineData("1.0f", 1.0)]
    [InlineData("5", 5.0)]
    [InlineData("-0x10", -16.0)]
    [InlineData("-9223372036854775808", -9223372036854775808.0)]
    [InlineData("18446744073709551615", 18446744073709551615.0)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("nan", double.NaN)]
    [InlineData("-nan", double.NaN)]
    public void AsDouble_NumberOrSpecial_Converted(string literal, double expected)
    {
        Read(literal).AsDouble().ShouldBe(expected);
    }

    [Fact]
    public void AsDouble_NegativeZero_KeepsSign()
    {
        double.IsNegative(Read("-0.0").AsDouble()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("t", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("f", false)]
    [InlineData("0", false)]
    public void AsBool_BoolLiteral_Converted(string literal, bool expected)
    {
        Read(literal).AsBool().ShouldBe(expected);
    }

    [Theory]
    [InlineData("NULL_VALUE", "NULL_VALUE")]
    [InlineData("0", "0")]
    [InlineData("-1", "-1")]
    public void AsEnum_NameOrNumber_ReturnsText(string literal, string expected)
    {
        Read(literal).AsEnum().ShouldBe(expected);
    }

    [Fact]
    public void AsEnum_StringOrFloat_Throws()
    {
        Should.Throw<TextProtoFormatException>(() => Read("'X'").AsEnum());
        Should.Throw<TextProtoFormatException>(() => Read("1.5").AsEnum());
        Should.Throw<TextProtoFormatException>(() => Read("2").AsBool());
    }

    [Fact]
    public void ToString_StringScalar_EscapesNonPrintableBytes()
    {
        Read(@"""a\""\\\000\377""").ToString().ShouldBe(@"""a\x22\x5c\x00\xff""");
    }

    private static TextProtoScalar Read(string literal) =>
        TextProtoParser.Parse("v: " + literal).Scalar("v").ShouldNotBeNull();
}
