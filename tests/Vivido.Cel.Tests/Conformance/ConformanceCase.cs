namespace Vivido.Cel.Tests.Conformance;

/// <summary>One <c>SimpleTest</c> of a cel-spec conformance file, with typed access to its fields.</summary>
internal sealed class ConformanceCase
{
    private static readonly TextProtoMessage ImplicitTrue = TextProtoParser.Parse("bool_value: true");
    private static readonly string[] Matchers = ["value", "typed_result", "eval_error", "any_eval_errors", "unknown", "any_unknowns"];

    public ConformanceCase(string file, string section, TextProtoMessage test)
    {
        File = file;
        Section = section;
        Test = test;
        Name = test.String("name");
        Expr = test.String("expr");
        Container = test.String("container");
        DisableCheck = test.Bool("disable_check");
        DisableMacros = test.Bool("disable_macros");
        (ExpectationKind, ExpectedValue) = ReadExpectation(test);
        Bindings = [.. test.Messages("bindings").Select(b => KeyValuePair.Create(b.String("key"), b.Message("value") ?? Empty(b.Line)))];
    }

    public string File { get; }

    public string Section { get; }

    public string Name { get; }

    public string Expr { get; }

    /// <summary>The proto package used for name resolution; empty when unset.</summary>
    public string Container { get; }

    public bool DisableCheck { get; }

    public bool DisableMacros { get; }

    public ConformanceExpectationKind ExpectationKind { get; }

    /// <summary>The expected <c>cel.expr.Value</c> when <see cref="ExpectationKind"/> is Value.</summary>
    public TextProtoMessage? ExpectedValue { get; }

    /// <summary>Variable name to <c>cel.expr.ExprValue</c> (which holds <c>value</c>, <c>error</c> or <c>unknown</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, TextProtoMessage>> Bindings { get; }

    /// <summary>The whole test message, for rules that look at fields this class does not model.</summary>
    public TextProtoMessage Test { get; }

    public string Id => $"{File}/{Section}/{Name}";

    private static (ConformanceExpectationKind, TextProtoMessage?) ReadExpectation(TextProtoMessage test)
    {
        var set = Matchers.Where(test.Has).ToList();
        if (set.Count > 1)
        {
            throw new TextProtoFormatException($"line {test.Line}: result matchers {string.Join(", ", set)} are one-of");
        }

        if (test.Bool("check_only"))
        {
            return (ConformanceExpectationKind.CheckOnly, null);
        }

        return set.SingleOrDefault() switch
        {
            null => (ConformanceExpectationKind.Value, ImplicitTrue),
            "value" => (ConformanceExpectationKind.Value, test.Message("value")),
            "typed_result" when test.Message("typed_result")!.Message("result") is { } result => (ConformanceExpectationKind.Value, result),
            "typed_result" => (ConformanceExpectationKind.CheckOnly, null),
            "eval_error" or "any_eval_errors" => (ConformanceExpectationKind.Error, null),
            _ => (ConformanceExpectationKind.Unknown, null),
        };
    }

    private static TextProtoMessage Empty(int line) => new([], line);
}
