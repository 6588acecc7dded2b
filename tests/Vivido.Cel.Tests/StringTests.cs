namespace Vivido.Cel.Tests;

public class StringTests
{
    [Theory]
    [InlineData("'hello'.contains('ell')", true)]
    [InlineData("'hello'.contains('')", true)]
    [InlineData("'hello'.contains('L')", false)]
    [InlineData("'hello'.startsWith('he')", true)]
    [InlineData("'hello'.startsWith('lo')", false)]
    [InlineData("'hello'.endsWith('lo')", true)]
    [InlineData("'😀x'.startsWith('😀')", true)]
    [InlineData("'Straße'.contains('aß')", true)]
    public void Evaluate_SubstringFunctions_CompareOrdinally(string expression, bool expected) =>
        Cel.EvalBool(expression).ShouldBe(expected);

    [Theory]
    [InlineData("size('')", 0)]
    [InlineData("size('abc')", 3)]
    [InlineData("'πέντε'.size()", 5)]
    [InlineData("size('😀😀')", 2)]
    [InlineData("size(b'😀')", 4)]
    public void Evaluate_Size_CountsCodePointsOrBytes(string expression, long expected) =>
        Cel.EvalInt(expression).ShouldBe(expected);

    [Theory]
    [InlineData("'a'.contains(1)")]
    [InlineData("1.startsWith('a')")]
    [InlineData("size(1)")]
    [InlineData("'a'.endsWith(b'a')")]
    public void Evaluate_SubstringFunctionsOnWrongKinds_ReturnError(string expression) =>
        Cel.ErrorOf(expression).ShouldStartWith("no matching overload");

    [Theory]
    [InlineData("contains('abc', 'b')", true)]
    [InlineData("startsWith('abc', 'b')", false)]
    [InlineData("endsWith('abc', 'bc')", true)]
    public void Evaluate_FunctionStyleCalls_MatchMethodStyle(string expression, bool expected) =>
        Cel.EvalBool(expression).ShouldBe(expected);
}
