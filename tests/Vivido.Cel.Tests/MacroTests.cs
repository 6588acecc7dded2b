namespace Vivido.Cel.Tests;

public class MacroTests
{
    [Theory]
    [InlineData("[1, 2, 3].all(x, x > 0)", true)]
    [InlineData("[1, 2, 3].all(x, x > 1)", false)]
    [InlineData("[].all(x, false)", true)]
    [InlineData("[1, 2, 3].exists(x, x == 2)", true)]
    [InlineData("[].exists(x, true)", false)]
    [InlineData("[1, 2, 3].exists_one(x, x > 2)", true)]
    [InlineData("[1, 2, 3].exists_one(x, x > 1)", false)]
    [InlineData("{'a': 1, 'b': 2}.all(k, k in ['a', 'b'])", true)]
    [InlineData("{'a': 1, 'b': 2}.exists(k, k == 'b')", true)]
    [InlineData("[1, 0].all(x, 1 / x > 5)", false)]
    [InlineData("[0, 1].exists(x, 1 / x == 1)", true)]
    [InlineData("[1, 'a'].exists(x, x == 'a')", true)]
    [InlineData("[[1, 2], [3]].all(l, l.all(x, x > 0))", true)]
    [InlineData("[1, 2].all(x, [3, 4].exists(y, x < y))", true)]
    [InlineData("[1, 2].all(x, [x].all(x, x < 3))", true)]
    public void Evaluate_Quantifiers_FollowCelSemantics(string expression, bool expected) =>
        Cel.EvalBool(expression).ShouldBe(expected);

    [Theory]
    [InlineData("[1, 0].all(x, 1 / x > 0)", "divide by zero")]
    [InlineData("[1, 0].exists(x, 1 / x > 5)", "divide by zero")]
    [InlineData("[2, 0].exists_one(x, 4 / x == 2)", "divide by zero")]
    [InlineData("[1].all(x, x)", "no matching overload")]
    [InlineData("[1].exists_one(x, 'a')", "no matching overload")]
    [InlineData("1.all(x, true)", "no matching overload")]
    [InlineData("[1, 0].map(x, 1 / x)", "divide by zero")]
    [InlineData("[1, 0].filter(x, 1 / x > 0)", "divide by zero")]
    [InlineData("[1].filter(x, 1)", "no matching overload")]
    [InlineData("[1].map(x, x > 0, 1 / 0)", "divide by zero")]
    public void Evaluate_MacroErrors_Propagate(string expression, string message) =>
        Cel.ErrorOf(expression).ShouldContain(message);

    [Fact]
    public void Evaluate_MapAndFilter_BuildLists()
    {
        Cel.Eval("[1, 2, 3].map(x, x * 10)").ShouldBe(Cel.Eval("[10, 20, 30]"));
        Cel.Eval("[1, 2, 3, 4].map(x, x % 2 == 0, x * x)").ShouldBe(Cel.Eval("[4, 16]"));
        Cel.Eval("[1, 2, 3, 4].filter(x, x % 2 == 1)").ShouldBe(Cel.Eval("[1, 3]"));
        Cel.Eval("{'a': 1, 'b': 2}.map(k, k + '!')").ShouldBe(Cel.Eval("['a!', 'b!']"));
        Cel.Eval("{'a': 1, 'b': 2}.filter(k, k == 'b')").ShouldBe(Cel.Eval("['b']"));
        Cel.Eval("[[1, 2], [3]].map(l, l.map(x, x + 1))").ShouldBe(Cel.Eval("[[2, 3], [4]]"));
    }

    [Fact]
    public void Evaluate_MacroOverVariable_UsesBinding()
    {
        var tags = CelValue.List([CelValue.String("v1.2"), CelValue.String("latest")]);
        var activation = new CelActivation().Set("image", Cel.Map(("tags", tags)));
        Cel.EvalBool("image.tags.exists(t, t == 'latest')", activation).ShouldBeTrue();
        Cel.EvalBool("image.tags.all(t, t.startsWith('v'))", activation).ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_IterationVariable_ShadowsBinding()
    {
        var activation = new CelActivation().Set("x", CelValue.Int(100));
        Cel.Eval("[1, 2].map(x, x) + [x]", activation).ShouldBe(Cel.Eval("[1, 2, 100]"));
    }

    [Theory]
    [InlineData("[1].all(1, true)")]
    [InlineData("[1].exists(a.b, true)")]
    [InlineData("[1].map(.x, x)")]
    public void Compile_MacroWithoutSimpleName_Fails(string expression) =>
        Cel.CompileError(expression).Reason.ShouldContain("must be a simple name");

    [Fact]
    public void Evaluate_MacroNameWithOtherArity_IsOrdinaryCall() =>
        Cel.ErrorOf("[1].all(x)").ShouldContain("unbound function 'all'");
}
