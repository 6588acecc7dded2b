namespace Vivido.Cel.Tests;

public class ArithmeticTests
{
    [Theory]
    [InlineData("40 + 2", 42)]
    [InlineData("7 - 10", -3)]
    [InlineData("6 * -7", -42)]
    [InlineData("-7 / 2", -3)]
    [InlineData("-7 % 2", -1)]
    [InlineData("2 + 3 * 4", 14)]
    [InlineData("(2 + 3) * 4", 20)]
    [InlineData("-(-9223372036854775807)", 9223372036854775807)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    [InlineData("--5", 5)]
    public void Evaluate_IntArithmetic_ReturnsResult(string expression, long expected) =>
        Cel.EvalInt(expression).ShouldBe(expected);

    [Theory]
    [InlineData("9223372036854775807 + 1")]
    [InlineData("-9223372036854775808 - 1")]
    [InlineData("5000000000 * 5000000000")]
    [InlineData("-9223372036854775808 * -1")]
    [InlineData("-9223372036854775808 / -1")]
    [InlineData("-9223372036854775808 % -1")]
    [InlineData("-(-9223372036854775808)")]
    [InlineData("18446744073709551615u + 1u")]
    [InlineData("0u - 1u")]
    [InlineData("5000000000u * 5000000000u")]
    public void Evaluate_Overflow_ReturnsError(string expression) =>
        Cel.ErrorOf(expression).ShouldContain("overflow");

    [Theory]
    [InlineData("1 / 0", "divide by zero")]
    [InlineData("1 % 0", "modulus by zero")]
    [InlineData("1u / 0u", "divide by zero")]
    [InlineData("1u % 0u", "modulus by zero")]
    public void Evaluate_DivisionByZero_ReturnsError(string expression, string message) =>
        Cel.ErrorOf(expression).ShouldBe(message);

    [Theory]
    [InlineData("1 + 1u")]
    [InlineData("1 + 1.0")]
    [InlineData("'a' + 1")]
    [InlineData("1.5 % 1.0")]
    [InlineData("-(1u)")]
    [InlineData("-'a'")]
    [InlineData("[1] * 2")]
    public void Evaluate_MixedKinds_ReturnsNoMatchingOverload(string expression) =>
        Cel.ErrorOf(expression).ShouldStartWith("no matching overload");

    [Fact]
    public void Evaluate_DoubleDivisionByZero_FollowsIeee()
    {
        Cel.Eval("1.0 / 0.0").AsDouble().ShouldBe(double.PositiveInfinity);
        Cel.Eval("-1.0 / 0.0").AsDouble().ShouldBe(double.NegativeInfinity);
        double.IsNaN(Cel.Eval("0.0 / 0.0").AsDouble()).ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_UintArithmetic_StaysUnsigned()
    {
        Cel.Eval("18446744073709551614u + 1u").AsUint().ShouldBe(ulong.MaxValue);
        Cel.Eval("10u - 3u").AsUint().ShouldBe(7UL);
        Cel.Eval("7u / 2u").AsUint().ShouldBe(3UL);
    }

    [Fact]
    public void Evaluate_Concatenation_JoinsStringsBytesAndLists()
    {
        Cel.EvalString("'ab' + 'cd'").ShouldBe("abcd");
        Cel.Eval("b'ab' + b'\\xff'").AsBytes().ShouldBe(new byte[] { 0x61, 0x62, 0xff });
        Cel.Eval("[1, 'a'] + [true]").ShouldBe(CelValue.List([CelValue.Int(1), CelValue.String("a"), CelValue.True]));
    }
}
