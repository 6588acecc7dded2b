namespace Vivido.Cel.Tests;

public class LogicTests
{
    [Theory]
    [InlineData("false && (1 / 0 == 1)", false)]
    [InlineData("(1 / 0 == 1) && false", false)]
    [InlineData("true || (1 / 0 == 1)", true)]
    [InlineData("(1 / 0 == 1) || true", true)]
    [InlineData("'str' && false", false)]
    [InlineData("false && 'str'", false)]
    [InlineData("undeclared || true", true)]
    [InlineData("unknownFn(1) && false", false)]
    [InlineData("true ? true : 1 / 0 == 1", true)]
    public void Evaluate_ErrorsAbsorbedByDecidingOperand_ReturnBool(string expression, bool expected) =>
        Cel.EvalBool(expression).ShouldBe(expected);

    [Theory]
    [InlineData("true && (1 / 0 == 1)", "divide by zero")]
    [InlineData("(1 / 0 == 1) || false", "divide by zero")]
    [InlineData("true && 1", "no matching overload")]
    [InlineData("'a' || 'b'", "no matching overload")]
    [InlineData("!1", "no matching overload")]
    [InlineData("1 ? 2 : 3", "no matching overload")]
    [InlineData("(1 / 0 == 1) ? 2 : 3", "divide by zero")]
    public void Evaluate_UndecidedLogic_ReturnsError(string expression, string message) =>
        Cel.ErrorOf(expression).ShouldContain(message);

    [Fact]
    public void Evaluate_Conditional_EvaluatesOnlyTakenBranch()
    {
        Cel.EvalInt("true ? 1 : 1 / 0").ShouldBe(1);
        Cel.EvalInt("false ? 1 / 0 : 2").ShouldBe(2);
    }

    [Fact]
    public void Evaluate_ErrorOnBothSides_ReturnsLeftError() =>
        Cel.ErrorOf("1 / 0 == 1 && 1 % 0 == 1").ShouldBe("divide by zero");
}
