namespace Vivido.Cel;

/// <summary>Limits and declarations applied when compiling and evaluating an expression.</summary>
public sealed class CelOptions
{
    /// <summary>The default limits, with no variable declarations.</summary>
    public static CelOptions Default { get; } = new();

    /// <summary>Maximum source length in characters.</summary>
    public int MaxExpressionLength { get; init; } = 32_768;

    /// <summary>Maximum parse nesting depth (parentheses, calls, members, operators).</summary>
    public int MaxNestingDepth { get; init; } = 250;

    /// <summary>Maximum evaluation steps per <see cref="CelProgram.Evaluate"/>.</summary>
    public long MaxEvaluationCost { get; init; } = 1_000_000;

    /// <summary>
    /// Timeout of one regular-expression match. Matching runs on a linear-time engine, so this is a
    /// backstop; it is generous because a cold first match on a loaded machine builds its automaton.
    /// </summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Maximum string characters, bytes or list items built by one evaluation.</summary>
    public int MaxResultSize { get; init; } = 1_000_000;

    /// <summary>When set, an undeclared top-level identifier is a compile error.</summary>
    public IReadOnlySet<string>? DeclaredVariables { get; init; }
}
