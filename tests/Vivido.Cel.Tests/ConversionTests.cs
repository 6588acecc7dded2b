namespace Vivido.Cel.Tests;

public class ConversionTests
{
    [Theory]
    [InlineData("int(42u)", 42)]
    [InlineData("int(-1.9)", -1)]
    [InlineData("int(1.9)", 1)]
    [InlineData("int('-17')", -17)]
    [InlineData("int('+17')", 17)]
    [InlineData("int(timestamp('1970-01-01T00:01:00Z'))", 60)]
    [InlineData("int(timestamp('1969-12-31T23:59:59.5Z'))", -1)]
    public void Evaluate_ToInt_Converts(string expression, long expected) =>
        Cel.EvalInt(expression).ShouldBe(expected);

    [Theory]
    [InlineData("int(9223372036854775808u)")]
    [InlineData("int(1e19)")]
    [InlineData("int(-9223372036854775808.0)")]
    [InlineData("int(0.0 / 0.0)")]
    [InlineData("int('1.5')")]
    [InlineData("int('0x10')")]
    [InlineData("int(' 1')")]
    [InlineData("uint(-1)")]
    [InlineData("uint(-0.5)")]
    [InlineData("uint(1.8446744073709552e19)")]
    [InlineData("uint('-1')")]
    [InlineData("int(true)")]
    public void Evaluate_OutOfRangeConversions_ReturnError(string expression) =>
        Cel.Eval(expression).IsError.ShouldBeTrue();

    [Theory]
    [InlineData("uint(42)", 42UL)]
    [InlineData("uint(3.99)", 3UL)]
    [InlineData("uint('18446744073709551615')", ulong.MaxValue)]
    public void Evaluate_ToUint_Converts(string expression, ulong expected) =>
        Cel.Eval(expression).AsUint().ShouldBe(expected);

    [Theory]
    [InlineData("double(3)", 3.0)]
    [InlineData("double(3u)", 3.0)]
    [InlineData("double('2.5e3')", 2500.0)]
    [InlineData("double('-Infinity')", double.NegativeInfinity)]
    [InlineData("double('inf')", double.PositiveInfinity)]
    public void Evaluate_ToDouble_Converts(string expression, double expected) =>
        Cel.Eval(expression).AsDouble().ShouldBe(expected);

    [Fact]
    public void Evaluate_ToDoubleFromBadString_ReturnsError() =>
        Cel.ErrorOf("double('abc')").ShouldContain("cannot convert string to double");

    [Theory]
    [InlineData("string(123)", "123")]
    [InlineData("string(-5)", "-5")]
    [InlineData("string(7u)", "7")]
    [InlineData("string(1.5)", "1.5")]
    [InlineData("string(2.0)", "2")]
    [InlineData("string(-0.0045)", "-0.0045")]
    [InlineData("string(0.00001)", "1e-05")]
    [InlineData("string(123456.0)", "123456")]
    [InlineData("string(1000000.0)", "1e+06")]
    [InlineData("string(1.5e300)", "1.5e+300")]
    [InlineData("string(0.0 / 0.0)", "NaN")]
    [InlineData("string(1.0 / 0.0)", "+Inf")]
    [InlineData("string(true)", "true")]
    [InlineData("string(b'caf\\xc3\\xa9')", "café")]
    [InlineData("string('x')", "x")]
    [InlineData("string(timestamp('2009-02-13T23:31:30.120Z'))", "2009-02-13T23:31:30.12Z")]
    [InlineData("string(duration('1h'))", "3600s")]
    [InlineData("string(duration('-1.5s'))", "-1.5s")]
    [InlineData("string(duration('1ns'))", "0.000000001s")]
    public void Evaluate_ToString_Formats(string expression, string expected) =>
        Cel.EvalString(expression).ShouldBe(expected);

    [Fact]
    public void Evaluate_ToStringOfInvalidUtf8_ReturnsError() =>
        Cel.ErrorOf("string(b'\\xff')").ShouldContain("invalid UTF-8");

    [Fact]
    public void Evaluate_ToBytes_EncodesUtf8() =>
        Cel.Eval("bytes('é')").AsBytes().ShouldBe(new byte[] { 0xc3, 0xa9 });

    [Theory]
    [InlineData("bool('true')", true)]
    [InlineData("bool('TRUE')", true)]
    [InlineData("bool('True')", true)]
    [InlineData("bool('t')", true)]
    [InlineData("bool('1')", true)]
    [InlineData("bool('false')", false)]
    [InlineData("bool('F')", false)]
    [InlineData("bool('0')", false)]
    [InlineData("bool(false)", false)]
    public void Evaluate_ToBool_AcceptsSpellings(string expression, bool expected) =>
        Cel.EvalBool(expression).ShouldBe(expected);

    [Theory]
    [InlineData("bool('TrUe')")]
    [InlineData("bool('yes')")]
    [InlineData("bool(1)")]
    public void Evaluate_ToBoolFromOtherText_ReturnsError(string expression) =>
        Cel.Eval(expression).IsError.ShouldBeTrue();

    [Theory]
    [InlineData("type(1)", "int")]
    [InlineData("type(1u)", "uint")]
    [InlineData("type(1.0)", "double")]
    [InlineData("type(true)", "bool")]
    [InlineData("type('')", "string")]
    [InlineData("type(b'')", "bytes")]
    [InlineData("type([])", "list")]
    [InlineData("type({})", "map")]
    [InlineData("type(null)", "null_type")]
    [InlineData("type(type(1))", "type")]
    [InlineData("type(timestamp('2000-01-01T00:00:00Z'))", "google.protobuf.Timestamp")]
    [InlineData("type(duration('1s'))", "google.protobuf.Duration")]
    [InlineData("type(dyn([1, 'a']))", "list")]
    public void Evaluate_Type_ReturnsTypeValue(string expression, string expected) =>
        Cel.Eval(expression).AsTypeName().ShouldBe(expected);

    [Fact]
    public void Evaluate_ConversionOfError_PropagatesError() =>
        Cel.ErrorOf("int(1 / 0)").ShouldBe("divide by zero");
}
