namespace Vivido.Cel.Tests;

public class ComparisonTests
{
    [Theory]
    [InlineData("1 < 2", true)]
    [InlineData("2u <= 2u", true)]
    [InlineData("1.5 > 1", true)]
    [InlineData("-1 < 0u", true)]
    [InlineData("18446744073709551615u > 9223372036854775807", true)]
    [InlineData("1 < 1.5", true)]
    [InlineData("'a' < 'b'", true)]
    [InlineData("'B' < 'a'", true)]
    [InlineData("'abc' < 'abcd'", true)]
    [InlineData("'\\uFFFD' < '\\U0001F600'", true)]
    [InlineData("b'\\x00' < b'\\xff'", true)]
    [InlineData("false < true", true)]
    [InlineData("timestamp('2020-01-01T00:00:00Z') < timestamp('2020-01-01T00:00:00.000000001Z')", true)]
    [InlineData("duration('-1s') < duration('1ns')", true)]
    [InlineData("0.0 / 0.0 < 1.0", false)]
    [InlineData("0.0 / 0.0 >= 1.0", false)]
    [InlineData("1 >= 1", true)]
    public void Evaluate_Ordering_FollowsCelSemantics(string expression, bool expected) =>
        Cel.EvalBool(expression).ShouldBe(expected);

    [Theory]
    [InlineData("'a' < 1")]
    [InlineData("[1] < [2]")]
    [InlineData("{} < {}")]
    [InlineData("null < null")]
    [InlineData("true < 1")]
    [InlineData("timestamp('2020-01-01T00:00:00Z') < duration('1s')")]
    public void Evaluate_IncomparableKinds_ReturnNoMatchingOverload(string expression) =>
        Cel.ErrorOf(expression).ShouldStartWith("no matching overload");
}
