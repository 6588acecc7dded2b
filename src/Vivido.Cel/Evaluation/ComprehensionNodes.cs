using Vivido.Cel.Values;

namespace Vivido.Cel.Evaluation;

/// <summary>
/// Base of the macros that loop over a list or map range, binding each element to a local slot.
/// Every iteration is charged the size of the loop body, so nested or chained macros over large
/// ranges run into the cost limit instead of running away.
/// </summary>
internal abstract class ComprehensionNode(Node range, int slot, long stepCost, string macro) : Node
{
    public sealed override CelValue Eval(ref EvalState state)
    {
        var rangeValue = range.Eval(ref state);
        if (!RangeCursor.TryOpen(rangeValue, macro, out var cursor, out var error))
        {
            return error;
        }

        try
        {
            return Run(ref cursor, ref state);
        }
        finally
        {
            cursor.Dispose();
        }
    }

    protected abstract CelValue Run(ref RangeCursor cursor, ref EvalState state);

    /// <summary>Binds the next element; false when the range is exhausted or the evaluation aborted.</summary>
    protected bool Next(ref RangeCursor cursor, ref EvalState state, out CelValue item)
    {
        if (!cursor.MoveNext(out item) || state.Aborted || !state.Charge(stepCost))
        {
            return false;
        }

        state.Locals[slot] = item;
        return true;
    }

    protected CelValue NotBool(CelValue value) => value.IsError ? value : Errors.NoMatchingOverload(macro, value);
}

/// <summary><c>e.all(x, p)</c>: false wins over errors, which win over true.</summary>
internal sealed class AllNode(Node range, int slot, long stepCost, Node predicate)
    : ComprehensionNode(range, slot, stepCost, "all")
{
    protected override CelValue Run(ref RangeCursor cursor, ref EvalState state)
    {
        CelValue? failure = null;
        while (Next(ref cursor, ref state, out _))
        {
            var result = predicate.Eval(ref state);
            if (result.Kind == CelKind.Bool)
            {
                if (!result.RawBool)
                {
                    return result;
                }
            }
            else
            {
                failure ??= NotBool(result);
            }
        }

        return state.Aborted ? state.Abort : failure ?? CelValue.True;
    }
}

/// <summary><c>e.exists(x, p)</c>: true wins over errors, which win over false.</summary>
internal sealed class ExistsNode(Node range, int slot, long stepCost, Node predicate)
    : ComprehensionNode(range, slot, stepCost, "exists")
{
    protected override CelValue Run(ref RangeCursor cursor, ref EvalState state)
    {
        CelValue? failure = null;
        while (Next(ref cursor, ref state, out _))
        {
            var result = predicate.Eval(ref state);
            if (result.Kind == CelKind.Bool)
            {
                if (result.RawBool)
                {
                    return result;
                }
            }
            else
            {
                failure ??= NotBool(result);
            }
        }

        return state.Aborted ? state.Abort : failure ?? CelValue.False;
    }
}

/// <summary><c>e.exists_one(x, p)</c>: exactly one true; any error is the result.</summary>
internal sealed class ExistsOneNode(Node range, int slot, long stepCost, Node predicate)
    : ComprehensionNode(range, slot, stepCost, "exists_one")
{
    protected override CelValue Run(ref RangeCursor cursor, ref EvalState state)
    {
        var count = 0;
        while (Next(ref cursor, ref state, out _))
        {
            var result = predicate.Eval(ref state);
            if (result.Kind != CelKind.Bool)
            {
                return NotBool(result);
            }

            count += result.RawBool ? 1 : 0;
        }

        return state.Aborted ? state.Abort : CelValue.Bool(count == 1);
    }
}

/// <summary><c>e.map(x, t)</c> and <c>e.map(x, p, t)</c>.</summary>
internal sealed class MapMacroNode(Node range, int slot, long stepCost, Node? filter, Node transform)
    : ComprehensionNode(range, slot, stepCost, "map")
{
    protected override CelValue Run(ref RangeCursor cursor, ref EvalState state)
    {
        var results = new List<CelValue>();
        while (Next(ref cursor, ref state, out _))
        {
            if (filter is not null)
            {
                var keep = filter.Eval(ref state);
                if (keep.Kind != CelKind.Bool)
                {
                    return NotBool(keep);
                }

                if (!keep.RawBool)
                {
                    continue;
                }
            }

            var value = transform.Eval(ref state);
            if (value.IsError)
            {
                return value;
            }

            if (!state.Produce(1))
            {
                return state.Abort;
            }

            results.Add(value);
        }

        return state.Aborted ? state.Abort : CelValue.List(new ArrayCelList([.. results]));
    }
}

/// <summary><c>e.filter(x, p)</c>: the elements (or map keys) for which p is true.</summary>
internal sealed class FilterNode(Node range, int slot, long stepCost, Node predicate)
    : ComprehensionNode(range, slot, stepCost, "filter")
{
    protected override CelValue Run(ref RangeCursor cursor, ref EvalState state)
    {
        var results = new List<CelValue>();
        while (Next(ref cursor, ref state, out var item))
        {
            var keep = predicate.Eval(ref state);
            if (keep.Kind != CelKind.Bool)
            {
                return NotBool(keep);
            }

            if (keep.RawBool)
            {
                if (!state.Produce(1))
                {
                    return state.Abort;
                }

                results.Add(item);
            }
        }

        return state.Aborted ? state.Abort : CelValue.List(new ArrayCelList([.. results]));
    }
}
