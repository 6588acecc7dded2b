namespace Vivido.Cel.Tests;

public class LiteralTests
{
    [Theory]
    [InlineData("0x1F", 31)]
    [InlineData("0XfF", 255)]
    [InlineData("123", 123)]
    [InlineData("-0x10", -16)]
    public void Evaluate_IntLiterals_ParseDecimalAndHex(string expression, long expected) =>
        Cel.EvalInt(expression).ShouldBe(expected);

    [Theory]
    [InlineData("1u", 1UL)]
    [InlineData("0x10U", 16UL)]
    [InlineData("18446744073709551615u", ulong.MaxValue)]
    public void Evaluate_UintLiterals_HaveUintKind(string expression, ulong expected) =>
        Cel.Eval(expression).AsUint().ShouldBe(expected);

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("2.5E-1", 0.25)]
    [InlineData("-2.3e+1", -23.0)]
    public void Evaluate_DoubleLiterals_Parse(string expression, double expected) =>
        Cel.Eval(expression).AsDouble().ShouldBe(expected);

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("18446744073709551616u")]
    [InlineData("0x")]
    public void Compile_OutOfRangeOrMalformedNumbers_Fail(string expression) =>
        Cel.CompileError(expression).Reason.ShouldNotBeEmpty();

    [Theory]
    [InlineData(@"'a\'b'", "a'b")]
    [InlineData(@"""a\""b""", "a\"b")]
    [InlineData(@"'\a\b\f\n\r\t\v\\\?\`'", "\a\b\f\n\r\t\v\\?`")]
    [InlineData(@"'\x41\X42'", "AB")]
    [InlineData(@"'\u00e9'", "é")]
    [InlineData(@"'\U0001F431'", "\U0001F431")]
    [InlineData(@"'\101\060'", "A0")]
    [InlineData(@"'\377'", "ÿ")]
    [InlineData(@"r'\n\x'", @"\n\x")]
    [InlineData(@"R""a\""", @"a\")]
    [InlineData("'''a\nb'c'''", "a\nb'c")]
    [InlineData("\"\"\"x\"\"y\"\"\"", "x\"\"y")]
    [InlineData("r'''\\d+'''", @"\d+")]
    [InlineData("'naïve 😀'", "naïve 😀")]
    public void Evaluate_StringLiterals_DecodeEscapes(string expression, string expected) =>
        Cel.EvalString(expression).ShouldBe(expected);

    [Theory]
    [InlineData(@"b'\xff\000'", new byte[] { 0xff, 0x00 })]
    [InlineData(@"b'\377'", new byte[] { 0xff })]
    [InlineData("b'ÿ'", new byte[] { 0xc3, 0xbf })]
    [InlineData(@"B""\n""", new byte[] { 0x0a })]
    [InlineData(@"br'\x'", new byte[] { 0x5c, 0x78 })]
    [InlineData(@"Rb'\\'", new byte[] { 0x5c, 0x5c })]
    [InlineData("b'''a\nb'''", new byte[] { 0x61, 0x0a, 0x62 })]
    public void Evaluate_BytesLiterals_KeepRawOctets(string expression, byte[] expected) =>
        Cel.Eval(expression).AsBytes().ShouldBe(expected);

    [Theory]
    [InlineData(@"'\q'", "invalid escape sequence")]
    [InlineData(@"'\xZZ'", "invalid hexadecimal escape")]
    [InlineData(@"'\400'", "invalid escape sequence")]
    [InlineData(@"'\ud800'", "invalid unicode code point")]
    [InlineData(@"'\U00110000'", "invalid unicode code point")]
    [InlineData(@"b'\u0041'", "not allowed in bytes")]
    [InlineData("'abc", "unterminated string literal")]
    [InlineData("'a\nb'", "newline in string literal")]
    [InlineData("'''abc''", "unterminated string literal")]
    public void Compile_BadStringLiterals_ReportReason(string expression, string reason) =>
        Cel.CompileError(expression).Reason.ShouldContain(reason);

    [Fact]
    public void Evaluate_CommentsAndWhitespace_AreIgnored() =>
        Cel.EvalInt("1 + // one\n\t2 // two\r\n\f").ShouldBe(3);

    [Fact]
    public void Evaluate_ReservedConstants_CannotBeShadowed()
    {
        var activation = new CelActivation().Set("true", CelValue.False).Set("null", CelValue.Int(1));
        Cel.Eval("true", activation).ShouldBe(CelValue.True);
        Cel.Eval("null", activation).Kind.ShouldBe(CelKind.Null);
    }
}
