namespace Vivido.Cel.Tests.Conformance;

public class ConformanceRunnerTests
{
    [Fact]
    public void Run_UnsupportedFeature_SkippedWithReason()
    {
        var outcome = Run("expr: 'TestAllTypes{}' container: 'cel.expr.conformance.proto3'");

        outcome.Status.ShouldBe(ConformanceStatus.Skipped);
        outcome.Detail.ShouldContain("constructs a protobuf message");
    }

    [Fact]
    public void Run_CompileErrorWhereDisableCheckExpectsError_PassesAtCompile()
    {
        var outcome = Run("expr: '1 +' disable_check: true eval_error { errors { message: 'no overload' } }");

        outcome.Status.ShouldBe(ConformanceStatus.Passed);
        outcome.PassedAtCompile.ShouldBeTrue();
        outcome.Detail.ShouldStartWith("compile error: 1:");
    }

    [Fact]
    public void Run_CompileErrorWhereCheckedExprExpectsError_Fails()
    {
        var outcome = Run("expr: '1 +' eval_error { errors { message: 'divide by zero' } }");

        outcome.Status.ShouldBe(ConformanceStatus.Failed);
        outcome.Detail.ShouldStartWith("expected an evaluation error, got compile error: 1:");
    }

    [Fact]
    public void Run_CompileErrorWhereValueExpected_Fails()
    {
        var outcome = Run("expr: '(1' value { int64_value: 1 }");

        outcome.Status.ShouldBe(ConformanceStatus.Failed);
        outcome.Detail.ShouldStartWith("expected 1, got compile error: 1:");
    }

    [Fact]
    public void Run_MatchingValue_Passes()
    {
        Run("expr: 'x + 1' bindings { key: 'x' value { value { int64_value: 41 } } } value { int64_value: 42 }")
            .Status.ShouldBe(ConformanceStatus.Passed);
    }

    [Fact]
    public void Run_NoMatcher_PassesOnTrue()
    {
        Run("expr: '1 == 1'").Status.ShouldBe(ConformanceStatus.Passed);
        Run("expr: '1 == 2'").Detail.ShouldBe("expected true, got false");
    }

    [Fact]
    public void Run_ValueOfOtherKind_FailsShowingBoth()
    {
        var outcome = Run("expr: '1 + 1' value { uint64_value: 2 }");

        outcome.Status.ShouldBe(ConformanceStatus.Failed);
        outcome.Detail.ShouldBe("expected 2u, got 2");
    }

    [Fact]
    public void Run_ExpectedErrorGotError_Passes()
    {
        Run("expr: '1 / 0' eval_error { errors { message: 'divide by zero' } }").Status.ShouldBe(ConformanceStatus.Passed);
    }

    [Fact]
    public void Run_ExpectedErrorGotValue_Fails()
    {
        Run("expr: '1 / 1' eval_error { errors { message: 'divide by zero' } }")
            .Detail.ShouldBe("expected an evaluation error, got 1");
    }

    [Fact]
    public void Run_ErrorBinding_ReachesExpressionAsError()
    {
        Run("expr: 'x' bindings { key: 'x' value { error { errors { message: 'bad' } } } } any_eval_errors { }")
            .Status.ShouldBe(ConformanceStatus.Passed);
    }

    private static ConformanceOutcome Run(string test) =>
        ConformanceRunner.Run(new ConformanceCase("unit", "section", TextProtoParser.Parse("name: 't' " + test)));
}
