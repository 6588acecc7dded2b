using Vivido.Cel.Compilation;
using Vivido.Cel.Evaluation;
using Vivido.Cel.Parsing;

namespace Vivido.Cel;

/// <summary>A compiled CEL expression; immutable and safe to evaluate concurrently.</summary>
public sealed class CelProgram
{
    private readonly CompiledExpression _compiled;
    private readonly CelOptions _options;

    private CelProgram(string source, CompiledExpression compiled, CelOptions options)
    {
        Source = source;
        _compiled = compiled;
        _options = options;
    }

    /// <summary>The expression text.</summary>
    public string Source { get; }

    /// <summary>
    /// Parses and prepares the expression. Throws <see cref="CelCompileException"/> on syntax errors,
    /// limit violations (length, depth) and undeclared variables (when declared); never throws anything else.
    /// </summary>
    public static CelProgram Compile(string source, CelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= CelOptions.Default;
        var expr = Parser.Parse(source, options);
        return new CelProgram(source, Compiler.Compile(expr, source, options), options);
    }

    /// <summary>
    /// Evaluates the expression. Never throws for CEL errors: division by zero, overflow, no such key,
    /// no matching overload, undeclared reference, cost and regex limits all come back as a value with
    /// Kind == Error. A simple guard over a prebuilt activation allocates nothing.
    /// </summary>
    public CelValue Evaluate(ICelActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var locals = _compiled.LocalCount == 0 ? null : new CelValue[_compiled.LocalCount];
        var state = new EvalState(activation, _options, locals);
        try
        {
            var result = _compiled.Root.Eval(ref state);
            return state.Aborted ? state.Abort : result;
        }
        catch (InsufficientExecutionStackException)
        {
            return CelValue.Error("value nesting is too deep to evaluate");
        }
    }
}
