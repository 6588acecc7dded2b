namespace Vivido.Cel.Tests;

/// <summary>Shorthands for compiling and evaluating expressions in tests.</summary>
internal static class Cel
{
    public static CelValue Eval(string expression, CelActivation? activation = null, CelOptions? options = null) =>
        CelProgram.Compile(expression, options).Evaluate(activation ?? new CelActivation());

    public static CelValue Eval(string expression, string name, CelValue value) =>
        Eval(expression, new CelActivation().Set(name, value));

    public static bool EvalBool(string expression, CelActivation? activation = null) => Eval(expression, activation).AsBool();

    public static long EvalInt(string expression) => Eval(expression).AsInt();

    public static string EvalString(string expression) => Eval(expression).AsString();

    public static string ErrorOf(string expression, CelActivation? activation = null, CelOptions? options = null)
    {
        var result = Eval(expression, activation, options);
        result.IsError.ShouldBeTrue($"expected an error from {expression} but got {result}");
        return result.ErrorMessage;
    }

    public static CelCompileException CompileError(string expression, CelOptions? options = null) =>
        Should.Throw<CelCompileException>(() => CelProgram.Compile(expression, options));

    public static CelValue Map(params (string Key, CelValue Value)[] entries) =>
        CelValue.Map(entries.Select(e => new KeyValuePair<string, CelValue>(e.Key, e.Value)));
}
