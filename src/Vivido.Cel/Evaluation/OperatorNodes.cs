using Vivido.Cel.Functions;
using Vivido.Cel.Values;

namespace Vivido.Cel.Evaluation;

/// <summary>A strict binary operator: its function sees both operand values.</summary>
internal delegate CelValue BinaryFunction(CelValue left, CelValue right, ref EvalState state);

internal sealed class BinaryNode(Node left, Node right, BinaryFunction function) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        var l = left.Eval(ref state);
        var r = right.Eval(ref state);
        return function(l, r, ref state);
    }
}

/// <summary><c>==</c> and <c>!=</c>: heterogeneous; values of different kinds are simply unequal.</summary>
internal sealed class EqualNode(Node left, Node right, bool negate) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        var l = left.Eval(ref state);
        if (l.IsError)
        {
            return l;
        }

        var r = right.Eval(ref state);
        if (l.Kind == r.Kind && l.Kind is CelKind.Int or CelKind.String or CelKind.Bool)
        {
            // Fast path for the most common guard comparisons.
            var same = l.Kind == CelKind.String
                ? string.Equals((string)l.RawRef!, (string)r.RawRef!, StringComparison.Ordinal)
                : l.RawInt == r.RawInt;
            return CelValue.Bool(same != negate);
        }

        if (r.IsError)
        {
            return r;
        }

        if (l.Kind is CelKind.List or CelKind.Map && !state.Charge(Sizes.Shallow(l)))
        {
            return state.Abort;
        }

        return CelValue.Bool(ValueEquality.AreEqual(l, r) != negate);
    }
}

internal enum Relation
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

internal sealed class CompareNode(Node left, Node right, Relation relation) : Node
{
    private readonly string _function = relation switch
    {
        Relation.Less => "_<_",
        Relation.LessOrEqual => "_<=_",
        Relation.Greater => "_>_",
        _ => "_>=_",
    };

    public override CelValue Eval(ref EvalState state)
    {
        var l = left.Eval(ref state);
        var r = right.Eval(ref state);
        if (l.Kind == CelKind.Int && r.Kind == CelKind.Int)
        {
            return Holds(l.RawInt.CompareTo(r.RawInt));
        }

        var failure = Comparison.TryCompare(l, r, _function, out var order, out var unordered);
        if (failure is { } error)
        {
            return error;
        }

        if (unordered)
        {
            return CelValue.False;
        }

        return Holds(order);
    }

    private CelValue Holds(int order) => CelValue.Bool(relation switch
    {
        Relation.Less => order < 0,
        Relation.LessOrEqual => order <= 0,
        Relation.Greater => order > 0,
        _ => order >= 0,
    });
}

internal sealed class NegateNode(Node operand) : Node
{
    public override CelValue Eval(ref EvalState state) => Arithmetic.Negate(operand.Eval(ref state));
}

internal sealed class InNode(Node element, Node container) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        var e = element.Eval(ref state);
        var c = container.Eval(ref state);
        return Access.In(e, c, ref state);
    }
}

internal sealed class IndexNode(Node operand, Node index) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        var o = operand.Eval(ref state);
        var i = index.Eval(ref state);
        return Access.Index(o, i);
    }
}

internal sealed class SelectNode(Node operand, string field) : Node
{
    private readonly CelValue _key = CelValue.String(field);

    public override CelValue Eval(ref EvalState state) => Access.Select(operand.Eval(ref state), _key);
}

internal sealed class HasNode(Node operand, string field) : Node
{
    private readonly CelValue _key = CelValue.String(field);

    public override CelValue Eval(ref EvalState state) => Access.Has(operand.Eval(ref state), _key);
}
