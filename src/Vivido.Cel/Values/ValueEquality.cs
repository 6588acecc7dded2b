using System.Runtime.CompilerServices;

namespace Vivido.Cel.Values;

/// <summary>CEL equality: numbers compare across kinds, other kinds only equal their own kind.</summary>
internal static class ValueEquality
{
    public static bool AreEqual(CelValue a, CelValue b)
    {
        if (a.Kind != b.Kind)
        {
            return Numeric.IsNumber(a.Kind) && Numeric.IsNumber(b.Kind)
                && Numeric.TryCompare(a, b, out var order) && order == 0;
        }

        switch (a.Kind)
        {
            case CelKind.Null:
                return true;
            case CelKind.Bool:
            case CelKind.Int:
            case CelKind.Uint:
                return a.RawInt == b.RawInt;
            case CelKind.Double:
                return a.RawDouble == b.RawDouble;
            case CelKind.Timestamp:
            case CelKind.Duration:
                return a.RawSeconds == b.RawSeconds && a.RawNanos == b.RawNanos;
            case CelKind.String:
            case CelKind.Type:
            case CelKind.Error:
                return string.Equals((string)a.RawRef!, (string)b.RawRef!, StringComparison.Ordinal);
            case CelKind.Bytes:
                return ((byte[])a.RawRef!).AsSpan().SequenceEqual((byte[])b.RawRef!);
            case CelKind.List:
                return ListsEqual((CelList)a.RawRef!, (CelList)b.RawRef!);
            case CelKind.Map:
                return MapsEqual((CelMap)a.RawRef!, (CelMap)b.RawRef!);
            default:
                return false;
        }
    }

    public static int Hash(CelValue value)
    {
        switch (value.Kind)
        {
            case CelKind.Int:
            case CelKind.Uint:
            case CelKind.Double:
                return Numeric.Hash(value);
            case CelKind.Bool:
                return value.RawBool ? 1 : 2;
            case CelKind.String:
            case CelKind.Type:
            case CelKind.Error:
                return StringComparer.Ordinal.GetHashCode((string)value.RawRef!);
            case CelKind.Bytes:
                var hash = new HashCode();
                hash.AddBytes((byte[])value.RawRef!);
                return hash.ToHashCode();
            case CelKind.Timestamp:
            case CelKind.Duration:
                return HashCode.Combine(value.RawSeconds, value.RawNanos);
            case CelKind.List:
                return ((CelList)value.RawRef!).Count + 17;
            case CelKind.Map:
                return ((CelMap)value.RawRef!).Count + 31;
            default:
                return 0;
        }
    }

    private static bool ListsEqual(CelList a, CelList b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        // Host values may nest arbitrarily deep; fail cleanly instead of overflowing the stack.
        RuntimeHelpers.EnsureSufficientExecutionStack();

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(CelMap a, CelMap b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var entry in a.Entries)
        {
            if (!b.TryGetValue(entry.Key, out var other) || !AreEqual(entry.Value, other))
            {
                return false;
            }
        }

        return true;
    }
}
