using Vivido.Cel.Values;

namespace Vivido.Cel.Evaluation;

/// <summary>Field selection, presence tests, indexing and membership.</summary>
internal static class Access
{
    /// <summary><c>e.f</c>: maps are looked up by the string key; other kinds have no fields.</summary>
    public static CelValue Select(CelValue operand, CelValue field)
    {
        if (operand.Kind == CelKind.Map)
        {
            return ((CelMap)operand.RawRef!).TryGetValue(field, out var value) ? value : Errors.NoSuchKey(field);
        }

        return operand.IsError ? operand : Errors.NoMatchingOverload("_." + field.AsString(), operand);
    }

    /// <summary><c>has(e.f)</c>.</summary>
    public static CelValue Has(CelValue operand, CelValue field)
    {
        if (operand.Kind == CelKind.Map)
        {
            return CelValue.Bool(((CelMap)operand.RawRef!).TryGetValue(field, out _));
        }

        return operand.IsError ? operand : Errors.NoMatchingOverload("has", operand);
    }

    /// <summary><c>e[i]</c> for lists (int, uint or integral double index) and maps.</summary>
    public static CelValue Index(CelValue operand, CelValue index)
    {
        if (operand.IsError)
        {
            return operand;
        }

        if (index.IsError)
        {
            return index;
        }

        switch (operand.Kind)
        {
            case CelKind.List:
                var list = (CelList)operand.RawRef!;
                if (!TryListIndex(index, out var position))
                {
                    return Errors.NoMatchingOverload("_[_]", operand, index);
                }

                return position >= 0 && position < list.Count ? list[(int)position] : Errors.IndexOutOfRange;
            case CelKind.Map:
                if (!IsKeyKind(index.Kind) && index.Kind != CelKind.Double)
                {
                    return Errors.NoMatchingOverload("_[_]", operand, index);
                }

                return ((CelMap)operand.RawRef!).TryGetValue(index, out var value) ? value : Errors.NoSuchKey(index);
            default:
                return Errors.NoMatchingOverload("_[_]", operand, index);
        }
    }

    /// <summary><c>x in list</c> and <c>key in map</c>.</summary>
    public static CelValue In(CelValue element, CelValue container, ref EvalState state)
    {
        if (element.IsError)
        {
            return element;
        }

        switch (container.Kind)
        {
            case CelKind.List:
                var list = (CelList)container.RawRef!;
                if (!state.Charge(list.Count))
                {
                    return state.Abort;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    if (ValueEquality.AreEqual(element, list[i]))
                    {
                        return CelValue.True;
                    }
                }

                return CelValue.False;
            case CelKind.Map:
                return CelValue.Bool(((CelMap)container.RawRef!).TryGetValue(element, out _));
            case CelKind.Error:
                return container;
            default:
                return Errors.NoMatchingOverload("@in", element, container);
        }
    }

    /// <summary>Kinds allowed as map keys.</summary>
    public static bool IsKeyKind(CelKind kind) => kind is CelKind.Int or CelKind.Uint or CelKind.Bool or CelKind.String;

    private static bool TryListIndex(CelValue index, out long position)
    {
        switch (index.Kind)
        {
            case CelKind.Int:
                position = index.RawInt;
                return true;
            case CelKind.Uint:
                position = index.RawUint > int.MaxValue ? -1 : (long)index.RawUint;
                return true;
            case CelKind.Double:
                var d = index.RawDouble;
                position = -1;
                if (d != Math.Truncate(d) || double.IsInfinity(d))
                {
                    return false;
                }

                position = d is >= int.MinValue and <= int.MaxValue ? (long)d : -1;
                return true;
            default:
                position = -1;
                return false;
        }
    }
}
