namespace Vivido.Cel.Tests.Conformance;

public class ConformanceCaseTests
{
    [Theory]
    [InlineData("value { int64_value: 1 }", "Value")]
    [InlineData("", "Value")]
    [InlineData("typed_result { result { int64_value: 1 } deduced_type { primitive: INT64 } }", "Value")]
    [InlineData("eval_error { errors { message: 'boom' } }", "Error")]
    [InlineData("any_eval_errors { errors { errors { message: 'a' } } }", "Error")]
    [InlineData("unknown { exprs: 1 }", "Unknown")]
    [InlineData("any_unknowns { }", "Unknown")]
    [InlineData("typed_result { deduced_type { primitive: INT64 } }", "CheckOnly")]
    [InlineData("check_only: true value { int64_value: 1 }", "CheckOnly")]
    public void Constructor_ResultMatcher_SetsExpectationKind(string matcher, string kind)
    {
        Case(matcher).ExpectationKind.ShouldBe(Enum.Parse<ConformanceExpectationKind>(kind));
    }

    [Fact]
    public void Constructor_NoMatcher_ExpectsTrue()
    {
        var test = Case(string.Empty);

        ConformanceValues.Format(test.ExpectedValue!).ShouldBe("true");
    }

    [Fact]
    public void Constructor_TypedResult_ExpectsItsResult()
    {
        var test = Case("typed_result { result { uint64_value: 3 } }");

        ConformanceValues.Format(test.ExpectedValue!).ShouldBe("3u");
    }

    [Fact]
    public void Constructor_TwoMatchers_Throws()
    {
        Should.Throw<TextProtoFormatException>(() => Case("value { int64_value: 1 } eval_error { }")).Message.ShouldContain("one-of");
    }

    [Fact]
    public void Constructor_FullTest_ReadsEveryField()
    {
        var test = new ConformanceCase("basic", "variables", TextProtoParser.Parse("""
            name: "bound"
            expr: "x + y"
            container: "pkg"
            disable_check: true
            bindings { key: "x" value { value { int64_value: 1 } } }
            bindings: { key: "y", value: { value: { int64_value: 2 } } }
            """));

        test.Id.ShouldBe("basic/variables/bound");
        test.Expr.ShouldBe("x + y");
        test.Container.ShouldBe("pkg");
        test.DisableCheck.ShouldBeTrue();
        test.DisableMacros.ShouldBeFalse();
        test.Bindings.Select(b => b.Key).ShouldBe(["x", "y"]);
        ConformanceValues.BindingToCel(test.Bindings[1].Value).AsInt().ShouldBe(2);
    }

    private static ConformanceCase Case(string matcher) =>
        new("unit", "section", TextProtoParser.Parse("name: 't' expr: '1' " + matcher));
}
