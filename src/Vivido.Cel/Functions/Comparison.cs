using Vivido.Cel.Evaluation;
using Vivido.Cel.Values;

namespace Vivido.Cel.Functions;

/// <summary>The ordering relations. Strings order by code point, bytes by octet.</summary>
internal static class Comparison
{
    /// <summary>
    /// Orders two values. Returns null when they are comparable (including the unordered NaN case,
    /// reported through <paramref name="unordered"/>), or the error to return otherwise.
    /// </summary>
    public static CelValue? TryCompare(CelValue a, CelValue b, string function, out int order, out bool unordered)
    {
        unordered = false;
        order = 0;
        if (a.Kind == b.Kind)
        {
            switch (a.Kind)
            {
                case CelKind.Bool:
                    order = a.RawBool.CompareTo(b.RawBool);
                    return null;
                case CelKind.String:
                    order = CompareCodePoints((string)a.RawRef!, (string)b.RawRef!);
                    return null;
                case CelKind.Bytes:
                    order = ((byte[])a.RawRef!).AsSpan().SequenceCompareTo((byte[])b.RawRef!);
                    return null;
                case CelKind.Timestamp:
                case CelKind.Duration:
                    order = a.RawSeconds != b.RawSeconds ? a.RawSeconds.CompareTo(b.RawSeconds) : a.RawNanos.CompareTo(b.RawNanos);
                    return null;
            }
        }

        if (Numeric.IsNumber(a.Kind) && Numeric.IsNumber(b.Kind))
        {
            unordered = !Numeric.TryCompare(a, b, out order);
            return null;
        }

        if (a.IsError)
        {
            return a;
        }

        return b.IsError ? b : Errors.NoMatchingOverload(function, a, b);
    }

    /// <summary>
    /// Ordinal comparison of UTF-16 strings in code point order: surrogates (supplementary planes)
    /// must sort after U+E000..U+FFFF, which plain UTF-16 ordinal comparison gets wrong.
    /// </summary>
    public static int CompareCodePoints(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x != y)
            {
                return Fixup(x).CompareTo(Fixup(y));
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static int Fixup(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
