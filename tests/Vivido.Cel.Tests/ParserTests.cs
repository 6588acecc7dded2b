namespace Vivido.Cel.Tests;

public class ParserTests
{
    [Theory]
    [InlineData("true || false && false", true)]
    [InlineData("!false && !!true", true)]
    [InlineData("1 + 2 * 3 == 7", true)]
    [InlineData("1 < 2 == true", true)]
    [InlineData("2 in [1, 2] && 3 - 1 == 2", true)]
    [InlineData("false ? 1 : 2 == 2", true)]
    [InlineData("true ? false : true ? false : true", false)]
    [InlineData("[1, 2, 3,][2] == 3", true)]
    [InlineData("{'a': 1, 'b': 2,}.b == 2", true)]
    [InlineData("size([]) == 0 && size({}) == 0", true)]
    public void Evaluate_Precedence_FollowsGrammar(string expression, bool expected) =>
        Cel.EvalBool(expression).ShouldBe(expected);

    [Theory]
    [InlineData("1 +", 1, 4, "expected expression but found end of input")]
    [InlineData("(1 + 2", 1, 7, "expected ')' but found end of input")]
    [InlineData("a.b.", 1, 5, "expected identifier but found end of input")]
    [InlineData("[1, 2", 1, 6, "expected ']' but found end of input")]
    [InlineData("{1 2}", 1, 4, "expected ':' but found number '2'")]
    [InlineData("1 2", 1, 3, "expected end of input but found number '2'")]
    [InlineData("a\n  && )", 2, 6, "expected expression but found ')'")]
    [InlineData("x = 1", 1, 3, "unexpected character '='")]
    [InlineData("1 ? 2", 1, 6, "expected ':' but found end of input")]
    public void Compile_SyntaxError_ReportsLineColumnAndReason(string expression, int line, int column, string reason)
    {
        var error = Cel.CompileError(expression);
        error.Reason.ShouldBe(reason);
        error.Line.ShouldBe(line);
        error.Column.ShouldBe(column);
        error.Message.ShouldBe($"{line}:{column}: {reason}");
    }

    [Theory]
    [InlineData("if")]
    [InlineData("while + 1")]
    [InlineData("package.x")]
    [InlineData("var(1)")]
    public void Compile_ReservedIdentifier_IsRejected(string expression) =>
        Cel.CompileError(expression).Reason.ShouldContain("reserved identifier");

    [Fact]
    public void Evaluate_ReservedWordsAsFieldNames_AreAllowed() =>
        Cel.EvalInt("{'if': 1, 'return': 2}.if + {'for': 3}.for").ShouldBe(4);

    [Theory]
    [InlineData("Foo{a: 1}", "message construction is not supported")]
    [InlineData("a.b{}", "message construction is not supported")]
    [InlineData("a.?b", "optional field selection")]
    [InlineData("a[?0]", "optional index")]
    [InlineData("[?a]", "optional list element")]
    [InlineData("{?'a': 1}", "optional map entry")]
    public void Compile_UnsupportedSyntax_IsRejected(string expression, string reason) =>
        Cel.CompileError(expression).Reason.ShouldContain(reason);

    [Fact]
    public void Compile_TenThousandParentheses_FailsWithNestingError()
    {
        var expression = new string('(', 10_000) + "1" + new string(')', 10_000);
        Cel.CompileError(expression).Reason.ShouldContain("nesting exceeds the limit of 250");
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{1:")]
    [InlineData("f(")]
    [InlineData("a[")]
    [InlineData("!-")]
    public void Compile_DeeplyNestedHostileInput_FailsWithCompileError(string unit)
    {
        var expression = string.Concat(Enumerable.Repeat(unit, 20_000)) + "1";
        Cel.CompileError(expression).Reason.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(" + 1")]
    [InlineData(" && true")]
    [InlineData(".a")]
    [InlineData("[0]")]
    [InlineData(".size()")]
    public void Compile_LongOperatorChains_AreBoundedByNestingDepth(string unit)
    {
        var expression = "x" + string.Concat(Enumerable.Repeat(unit, 2_000));
        Cel.CompileError(expression).Reason.ShouldContain("nesting exceeds");
    }

    [Fact]
    public void Compile_ThirtyTwoLevels_AreSupported()
    {
        var expression = new string('(', 32) + "7" + new string(')', 32) + string.Concat(Enumerable.Repeat(" + 1", 32));
        Cel.EvalInt(expression).ShouldBe(39);
    }

    [Fact]
    public void Compile_ExpressionLongerThanLimit_Fails()
    {
        var options = new CelOptions { MaxExpressionLength = 10 };
        var error = Cel.CompileError("1 + 2 + 3 + 4", options);
        error.Reason.ShouldContain("exceeds the limit of 10 characters");
        error.Line.ShouldBe(1);
        error.Column.ShouldBe(1);
    }

    [Fact]
    public void Compile_CustomNestingLimit_IsHonoured()
    {
        var options = new CelOptions { MaxNestingDepth = 5 };
        Cel.CompileError("((((((1))))))", options).Reason.ShouldContain("limit of 5");
        CelProgram.Compile("((1))", options).Evaluate(new CelActivation()).AsInt().ShouldBe(1);
    }

    [Fact]
    public void Compile_Program_KeepsSource() =>
        CelProgram.Compile("1 + 1").Source.ShouldBe("1 + 1");
}
