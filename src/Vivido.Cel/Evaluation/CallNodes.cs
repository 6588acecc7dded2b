namespace Vivido.Cel.Evaluation;

internal delegate CelValue UnaryFunction(CelValue argument, ref EvalState state);

/// <summary>A strict one-argument function (or zero-argument method): an error argument is the result.</summary>
internal sealed class Call1Node(Node argument, UnaryFunction function) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        var value = argument.Eval(ref state);
        return value.IsError ? value : function(value, ref state);
    }
}

/// <summary>A strict two-argument function (or one-argument method).</summary>
internal sealed class Call2Node(Node first, Node second, BinaryFunction function) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        var a = first.Eval(ref state);
        if (a.IsError)
        {
            return a;
        }

        var b = second.Eval(ref state);
        return b.IsError ? b : function(a, b, ref state);
    }
}
