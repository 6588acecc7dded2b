using Vivido.Cel.Time;
using Vivido.Cel.Values;

namespace Vivido.Cel;

/// <summary>
/// A CEL value. Readonly struct; ints, uints, doubles, bools, timestamps and durations are stored
/// without boxing or allocation.
/// </summary>
public readonly partial struct CelValue
{
    private readonly object? _ref;
    private readonly long _bits;
    private readonly int _nanos;
    private readonly CelKind _kind;

    private CelValue(CelKind kind, long bits, int nanos, object? reference)
    {
        _kind = kind;
        _bits = bits;
        _nanos = nanos;
        _ref = reference;
    }

    /// <summary>The runtime kind.</summary>
    public CelKind Kind => _kind;

    /// <summary>True when this value is a CEL error.</summary>
    public bool IsError => _kind == CelKind.Error;

    public static CelValue Null => default;

    public static CelValue True => new(CelKind.Bool, 1, 0, null);

    public static CelValue False => new(CelKind.Bool, 0, 0, null);

    public static CelValue Bool(bool value) => new(CelKind.Bool, value ? 1 : 0, 0, null);

    public static CelValue Int(long value) => new(CelKind.Int, value, 0, null);

    public static CelValue Uint(ulong value) => new(CelKind.Uint, unchecked((long)value), 0, null);

    public static CelValue Double(double value) => new(CelKind.Double, BitConverter.DoubleToInt64Bits(value), 0, null);

    public static CelValue String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(CelKind.String, 0, 0, value);
    }

    /// <summary>Wraps a byte array; it is not copied, so callers must not mutate it afterwards.</summary>
    public static CelValue Bytes(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(CelKind.Bytes, 0, 0, value);
    }

    public static CelValue List(IReadOnlyList<CelValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(CelKind.List, 0, 0, new ReadOnlyListAdapter(items));
    }

    public static CelValue List(CelList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new(CelKind.List, 0, 0, list);
    }

    public static CelValue Map(CelMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new(CelKind.Map, 0, 0, map);
    }

    /// <summary>A string-keyed map; later duplicates replace earlier ones.</summary>
    public static CelValue Map(IEnumerable<KeyValuePair<string, CelValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new DictionaryMap();
        foreach (var entry in entries)
        {
            map.Set(String(entry.Key), entry.Value);
        }

        return new(CelKind.Map, 0, 0, map);
    }

    /// <summary>A map with any keys; later duplicates replace earlier ones.</summary>
    public static CelValue Map(IEnumerable<KeyValuePair<CelValue, CelValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new DictionaryMap();
        foreach (var entry in entries)
        {
            map.Set(entry.Key, entry.Value);
        }

        return new(CelKind.Map, 0, 0, map);
    }

    public static CelValue Timestamp(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0)
        {
            seconds--;
            rest += TimeSpan.TicksPerSecond;
        }

        return new(CelKind.Timestamp, seconds, (int)(rest * 100), null);
    }

    /// <summary>A timestamp with full nanosecond precision; nanos are normalised into [0, 1e9).</summary>
    public static CelValue Timestamp(long unixSeconds, int nanos)
    {
        var total = ((Int128)unixSeconds * TimeMath.NanosPerSecond) + nanos;
        var seconds = (long)Int128.DivRem(total, TimeMath.NanosPerSecond).Quotient;
        var rest = (int)(total - ((Int128)seconds * TimeMath.NanosPerSecond));
        if (rest < 0)
        {
            seconds--;
            rest += (int)TimeMath.NanosPerSecond;
        }

        return new(CelKind.Timestamp, seconds, rest, null);
    }

    public static CelValue Duration(TimeSpan value)
    {
        var seconds = Math.DivRem(value.Ticks, TimeSpan.TicksPerSecond, out var rest);
        return new(CelKind.Duration, seconds, (int)(rest * 100), null);
    }

    /// <summary>A duration; nanos are normalised to carry the same sign as the seconds.</summary>
    public static CelValue Duration(long seconds, int nanos)
    {
        var total = ((Int128)seconds * TimeMath.NanosPerSecond) + nanos;
        var (quotient, rest) = Int128.DivRem(total, TimeMath.NanosPerSecond);
        return new(CelKind.Duration, (long)quotient, (int)rest, null);
    }

    /// <summary>A type value, e.g. "int", "list" or "google.protobuf.Timestamp".</summary>
    public static CelValue TypeValue(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        return new(CelKind.Type, 0, 0, typeName);
    }

    public static CelValue Error(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(CelKind.Error, 0, 0, message);
    }

    public bool AsBool() => Expect(CelKind.Bool)._bits != 0;

    public long AsInt() => Expect(CelKind.Int)._bits;

    public ulong AsUint() => unchecked((ulong)Expect(CelKind.Uint)._bits);

    public double AsDouble() => BitConverter.Int64BitsToDouble(Expect(CelKind.Double)._bits);

    public string AsString() => (string)Expect(CelKind.String)._ref!;

    public byte[] AsBytes() => (byte[])Expect(CelKind.Bytes)._ref!;

    public CelList AsList() => (CelList)Expect(CelKind.List)._ref!;

    public CelMap AsMap() => (CelMap)Expect(CelKind.Map)._ref!;

    public DateTimeOffset AsTimestamp()
    {
        Expect(CelKind.Timestamp);
        return DateTimeOffset.UnixEpoch.AddTicks((_bits * TimeSpan.TicksPerSecond) + (_nanos / 100));
    }

    public TimeSpan AsDuration()
    {
        Expect(CelKind.Duration);
        return TimeSpan.FromTicks((_bits * TimeSpan.TicksPerSecond) + (_nanos / 100));
    }

    public (long Seconds, int Nanos) AsTimestampParts() => (Expect(CelKind.Timestamp)._bits, _nanos);

    public (long Seconds, int Nanos) AsDurationParts() => (Expect(CelKind.Duration)._bits, _nanos);

    /// <summary>The type name held by a value of kind <see cref="CelKind.Type"/>.</summary>
    public string AsTypeName() => (string)Expect(CelKind.Type)._ref!;

    /// <summary>The message of a value of kind <see cref="CelKind.Error"/>.</summary>
    public string ErrorMessage => (string)Expect(CelKind.Error)._ref!;

    /// <summary>The CEL type name of this value: "int", "list", "google.protobuf.Timestamp", ...</summary>
    public string TypeName => _kind switch
    {
        CelKind.Null => "null_type",
        CelKind.Bool => "bool",
        CelKind.Int => "int",
        CelKind.Uint => "uint",
        CelKind.Double => "double",
        CelKind.String => "string",
        CelKind.Bytes => "bytes",
        CelKind.List => "list",
        CelKind.Map => "map",
        CelKind.Timestamp => TypeNames.Timestamp,
        CelKind.Duration => TypeNames.Duration,
        CelKind.Type => "type",
        _ => "error",
    };

    // Unchecked views for the evaluator, which has already switched on the kind.
    internal long RawInt => _bits;

    internal ulong RawUint => unchecked((ulong)_bits);

    internal double RawDouble => BitConverter.Int64BitsToDouble(_bits);

    internal bool RawBool => _bits != 0;

    internal object? RawRef => _ref;

    internal long RawSeconds => _bits;

    internal int RawNanos => _nanos;

    private CelValue Expect(CelKind kind) => _kind == kind
        ? this
        : throw new InvalidOperationException($"CEL value is {TypeName}, not {kind}.");
}
