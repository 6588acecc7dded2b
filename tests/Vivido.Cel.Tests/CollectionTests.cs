namespace Vivido.Cel.Tests;

public class CollectionTests
{
    [Theory]
    [InlineData("[7, 8, 9][1]", 8)]
    [InlineData("[7, 8, 9][2u]", 9)]
    [InlineData("[7, 8, 9][dyn(0.0)]", 7)]
    [InlineData("{'a': 1}['a']", 1)]
    [InlineData("{1: 10}[1u]", 10)]
    [InlineData("{1u: 10}[1]", 10)]
    [InlineData("{1: 10}[1.0]", 10)]
    [InlineData("{true: 5}[true]", 5)]
    [InlineData("{'a': {'b': 3}}.a.b", 3)]
    [InlineData("size([1, 2, 3]) + [1, 2].size() + size({'a': 1}) + {}.size()", 6)]
    public void Evaluate_Indexing_FindsElements(string expression, long expected) =>
        Cel.EvalInt(expression).ShouldBe(expected);

    [Theory]
    [InlineData("[1, 2][2]", "index out of range")]
    [InlineData("[1, 2][-1]", "index out of range")]
    [InlineData("[1, 2][0.5]", "no matching overload")]
    [InlineData("[1, 2]['a']", "no matching overload")]
    [InlineData("{'a': 1}['b']", "no such key: \"b\"")]
    [InlineData("{'a': 1}.b", "no such key: \"b\"")]
    [InlineData("{1: 2}[2]", "no such key: 2")]
    [InlineData("1[0]", "no matching overload")]
    [InlineData("'abc'.x", "no matching overload")]
    [InlineData("{'a': 1}[[1]]", "no matching overload")]
    public void Evaluate_BadIndexing_ReturnsError(string expression, string message) =>
        Cel.ErrorOf(expression).ShouldContain(message);

    [Theory]
    [InlineData("2 in [1, 2, 3]", true)]
    [InlineData("2.0 in [1, 2, 3]", true)]
    [InlineData("'a' in [1, 'a']", true)]
    [InlineData("4 in [1, 2, 3]", false)]
    [InlineData("'k' in {'k': 1}", true)]
    [InlineData("1u in {1: 'x'}", true)]
    [InlineData("'z' in {'k': 1}", false)]
    [InlineData("[1] in [[1], [2]]", true)]
    public void Evaluate_In_TestsMembership(string expression, bool expected) =>
        Cel.EvalBool(expression).ShouldBe(expected);

    [Fact]
    public void Evaluate_InOnNonContainer_ReturnsError() =>
        Cel.ErrorOf("1 in 1").ShouldStartWith("no matching overload");

    [Theory]
    [InlineData("{'a': 1, 'a': 2}", "repeated key")]
    [InlineData("{1: 1, 1u: 2}", "repeated key")]
    [InlineData("{1.5: 1}", "unsupported map key type: double")]
    [InlineData("{[1]: 1}", "unsupported map key type: list")]
    [InlineData("{null: 1}", "unsupported map key type: null_type")]
    [InlineData("[1, 1 / 0]", "divide by zero")]
    [InlineData("{'a': 1 / 0}", "divide by zero")]
    public void Evaluate_InvalidLiterals_ReturnError(string expression, string message) =>
        Cel.ErrorOf(expression).ShouldContain(message);

    [Fact]
    public void Evaluate_MapLiteral_KeepsInsertionOrder()
    {
        var map = Cel.Eval("{'b': 1, 'a': 2, 3: 'c'}").AsMap();
        map.Count.ShouldBe(3);
        map.Entries.Select(e => e.Key.ToString()).ShouldBe(["\"b\"", "\"a\"", "3"]);
    }

    [Theory]
    [InlineData("has({'a': 1}.a)", true)]
    [InlineData("has({'a': 1}.b)", false)]
    [InlineData("has(m.x.y)", true)]
    [InlineData("has(m.x.z)", false)]
    public void Evaluate_Has_TestsMapKeys(string expression, bool expected)
    {
        var activation = new CelActivation().Set("m", Cel.Map(("x", Cel.Map(("y", CelValue.Null)))));
        Cel.EvalBool(expression, activation).ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_HasOnNonMap_ReturnsError() =>
        Cel.ErrorOf("has(m.a)", new CelActivation().Set("m", CelValue.Int(1))).ShouldStartWith("no matching overload");

    [Theory]
    [InlineData("has(a)")]
    [InlineData("has(a[0])")]
    [InlineData("has(1)")]
    public void Compile_HasWithoutFieldSelection_Fails(string expression) =>
        Cel.CompileError(expression).Reason.ShouldContain("invalid argument to has()");

    [Fact]
    public void Evaluate_HostList_IsIndexedWithoutCopying()
    {
        var list = new List<CelValue> { CelValue.Int(1), CelValue.Int(2) };
        var activation = new CelActivation().Set("xs", CelValue.List(list));
        Cel.Eval("xs[1] + size(xs)", activation).AsInt().ShouldBe(4);
    }
}
