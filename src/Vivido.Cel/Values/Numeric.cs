namespace Vivido.Cel.Values;

/// <summary>
/// Ordering across int, uint and double. Int and uint compare exactly; against a double they are
/// converted to double first, as the CEL conformance suite requires.
/// </summary>
internal static class Numeric
{
    public static bool IsNumber(CelKind kind) => kind is CelKind.Int or CelKind.Uint or CelKind.Double;

    /// <summary>
    /// Compares two numbers. Returns false when they are unordered (a NaN is involved); otherwise
    /// <paramref name="order"/> is negative, zero or positive.
    /// </summary>
    public static bool TryCompare(CelValue a, CelValue b, out int order)
    {
        switch (a.Kind, b.Kind)
        {
            case (CelKind.Int, CelKind.Int):
                order = a.RawInt.CompareTo(b.RawInt);
                return true;
            case (CelKind.Uint, CelKind.Uint):
                order = a.RawUint.CompareTo(b.RawUint);
                return true;
            case (CelKind.Int, CelKind.Uint):
                order = a.RawInt < 0 ? -1 : ((ulong)a.RawInt).CompareTo(b.RawUint);
                return true;
            case (CelKind.Uint, CelKind.Int):
                order = b.RawInt < 0 ? 1 : a.RawUint.CompareTo((ulong)b.RawInt);
                return true;
            default:
                return CompareDoubles(AsDouble(a), AsDouble(b), out order);
        }
    }

    /// <summary>Hash consistent with cross-kind numeric equality.</summary>
    public static int Hash(CelValue value)
    {
        var d = AsDouble(value);
        return d == 0 ? 0 : d.GetHashCode();
    }

    private static double AsDouble(CelValue value) => value.Kind switch
    {
        CelKind.Int => value.RawInt,
        CelKind.Uint => value.RawUint,
        _ => value.RawDouble,
    };

    private static bool CompareDoubles(double a, double b, out int order)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            order = 0;
            return false;
        }

        order = a < b ? -1 : a > b ? 1 : 0;
        return true;
    }
}
