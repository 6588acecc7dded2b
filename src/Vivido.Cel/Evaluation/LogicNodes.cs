namespace Vivido.Cel.Evaluation;

/// <summary>
/// <c>a &amp;&amp; b</c> with CEL's commutative error absorption: false on either side wins over an
/// error or a non-bool on the other side.
/// </summary>
internal sealed class AndNode(Node left, Node right) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        var l = left.Eval(ref state);
        if (l.Kind == CelKind.Bool && !l.RawBool)
        {
            return l;
        }

        var r = right.Eval(ref state);
        if (r.Kind == CelKind.Bool)
        {
            if (!r.RawBool)
            {
                return r;
            }

            if (l.Kind == CelKind.Bool)
            {
                return CelValue.True;
            }
        }

        return Logic.Failure("_&&_", l, r);
    }
}

/// <summary><c>a || b</c>: true on either side wins over an error or a non-bool on the other side.</summary>
internal sealed class OrNode(Node left, Node right) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        var l = left.Eval(ref state);
        if (l.Kind == CelKind.Bool && l.RawBool)
        {
            return l;
        }

        var r = right.Eval(ref state);
        if (r.Kind == CelKind.Bool)
        {
            if (r.RawBool)
            {
                return r;
            }

            if (l.Kind == CelKind.Bool)
            {
                return CelValue.False;
            }
        }

        return Logic.Failure("_||_", l, r);
    }
}

internal sealed class NotNode(Node operand) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        var value = operand.Eval(ref state);
        return value.Kind switch
        {
            CelKind.Bool => CelValue.Bool(!value.RawBool),
            CelKind.Error => value,
            _ => Errors.NoMatchingOverload("!_", value),
        };
    }
}

internal sealed class ConditionalNode(Node condition, Node then, Node otherwise) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        var test = condition.Eval(ref state);
        return test.Kind switch
        {
            CelKind.Bool => test.RawBool ? then.Eval(ref state) : otherwise.Eval(ref state),
            CelKind.Error => test,
            _ => Errors.NoMatchingOverload("_?_:_", test),
        };
    }
}

internal static class Logic
{
    /// <summary>Neither side decided the result: report the first error, else a type mismatch.</summary>
    public static CelValue Failure(string function, CelValue left, CelValue right)
    {
        if (left.IsError)
        {
            return left;
        }

        return right.IsError ? right : Errors.NoMatchingOverload(function, left, right);
    }
}
