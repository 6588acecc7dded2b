namespace Vivido.Cel.Tests;

public class EqualityTests
{
    [Theory]
    [InlineData("1 == 1u", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("1u == 1.0", true)]
    [InlineData("-1 == 18446744073709551615u", false)]
    [InlineData("0.0 / 0.0 == 0.0 / 0.0", false)]
    [InlineData("0.0 == -0.0", true)]
    [InlineData("1 == '1'", false)]
    [InlineData("null == 0", false)]
    [InlineData("null == null", true)]
    [InlineData("[1, 2] == [1.0, 2u]", true)]
    [InlineData("[1, 'a'] == [1, 2]", false)]
    [InlineData("[[]] == [[]]", true)]
    [InlineData("{'a': 1, 'b': [2]} == {'b': [2.0], 'a': 1u}", true)]
    [InlineData("{1: 'a'} == {1u: 'a'}", true)]
    [InlineData("{'a': 1} == {'a': 1, 'b': 2}", false)]
    [InlineData("b'abc' == b'abc'", true)]
    [InlineData("type(1) == int", true)]
    [InlineData("int == uint", false)]
    [InlineData("timestamp('2020-01-01T00:00:00Z') == timestamp('2020-01-01T01:00:00+01:00')", true)]
    [InlineData("duration('60s') == duration('1m')", true)]
    [InlineData("duration('1s') == 1", false)]
    public void Evaluate_Equality_FollowsCelSemantics(string expression, bool expected)
    {
        Cel.EvalBool(expression).ShouldBe(expected);
        Cel.EvalBool(expression.Replace("==", "!=", StringComparison.Ordinal)).ShouldBe(!expected);
    }

    [Fact]
    public void Evaluate_EqualityWithErrorOperand_ReturnsError() =>
        Cel.ErrorOf("1 / 0 == 1").ShouldBe("divide by zero");

    [Fact]
    public void CelValue_EqualsAndHashCode_AgreeAcrossNumericKinds()
    {
        var values = new[] { CelValue.Int(42), CelValue.Uint(42), CelValue.Double(42.0) };
        foreach (var a in values)
        {
            foreach (var b in values)
            {
                a.Equals(b).ShouldBeTrue();
                a.GetHashCode().ShouldBe(b.GetHashCode());
            }
        }

        CelValue.Double(double.NaN).Equals(CelValue.Double(double.NaN)).ShouldBeFalse();
        CelValue.Int(1).Equals(CelValue.String("1")).ShouldBeFalse();
        CelValue.Int(1).Equals((object)CelValue.Int(1)).ShouldBeTrue();
        CelValue.Int(1).Equals((object)"1").ShouldBeFalse();
    }
}
