namespace Vivido.Cel.Tests.Conformance;

/// <summary>
/// Runs one case: skip rules first, then Compile (default options) and Evaluate with the bindings.
/// An expected error is met by an error value; a <see cref="CelCompileException"/> also meets it when
/// the test has disable_check, because that flag marks expressions a type checker would reject and
/// Vivido may reject them at compile time instead. Any other exception is a failure with its text.
/// </summary>
internal static class ConformanceRunner
{
    public static ConformanceOutcome Run(ConformanceCase test)
    {
        if (ConformanceSkipRules.Match(test) is { } reason)
        {
            return new ConformanceOutcome(test, ConformanceStatus.Skipped, reason);
        }

        try
        {
            return CompileAndEvaluate(test);
        }
        catch (Exception ex) when (ex is not TextProtoFormatException)
        {
            return Fail(test, $"exception {ex.GetType().FullName}: {ex.Message}");
        }
    }

    private static ConformanceOutcome CompileAndEvaluate(ConformanceCase test)
    {
        var activation = new CelActivation();
        foreach (var (name, value) in test.Bindings)
        {
            activation.Set(name, ConformanceValues.BindingToCel(value));
        }

        CelProgram program;
        try
        {
            program = CelProgram.Compile(test.Expr, CelOptions.Default);
        }
        catch (CelCompileException ex)
        {
            return test.ExpectationKind == ConformanceExpectationKind.Error && test.DisableCheck
                ? new ConformanceOutcome(test, ConformanceStatus.Passed, "compile error: " + ex.Message, PassedAtCompile: true)
                : Fail(test, "compile error: " + ex.Message);
        }

        var result = program.Evaluate(activation);
        var passed = test.ExpectationKind == ConformanceExpectationKind.Error
            ? result.IsError
            : ConformanceValues.Matches(test.ExpectedValue!, result);
        return passed
            ? new ConformanceOutcome(test, ConformanceStatus.Passed, string.Empty)
            : Fail(test, CelValueText.Format(result));
    }

    private static ConformanceOutcome Fail(ConformanceCase test, string got)
    {
        var expected = test.ExpectationKind == ConformanceExpectationKind.Error
            ? "an evaluation error"
            : ConformanceValues.Format(test.ExpectedValue!);
        return new ConformanceOutcome(test, ConformanceStatus.Failed, $"expected {expected}, got {got}");
    }
}
