namespace Vivido.Cel.Evaluation;

/// <summary>A compiled evaluation step. Nodes are immutable and shared by concurrent evaluations.</summary>
internal abstract class Node
{
    public abstract CelValue Eval(ref EvalState state);
}

/// <summary>A pre-resolved constant (literal, folded value or type denotation).</summary>
internal sealed class ConstantNode(CelValue value) : Node
{
    public CelValue Value { get; } = value;

    public override CelValue Eval(ref EvalState state) => Value;
}

/// <summary>A call that always fails at runtime, e.g. an unknown function when nothing is declared.</summary>
internal sealed class FailNode(CelValue error) : Node
{
    public override CelValue Eval(ref EvalState state) => error;
}
