using Vivido.Cel.Evaluation;

namespace Vivido.Cel.Time;

/// <summary>Builds range-checked timestamps and durations; arithmetic goes through exact nanosecond counts.</summary>
internal static class TimeValues
{
    private static readonly Int128 MaxDurationNanos = long.MaxValue;

    public static Int128 TotalNanos(CelValue value) =>
        ((Int128)value.RawSeconds * TimeMath.NanosPerSecond) + value.RawNanos;

    public static CelValue Timestamp(Int128 totalNanos)
    {
        var (quotient, remainder) = Int128.DivRem(totalNanos, TimeMath.NanosPerSecond);
        if (remainder < 0)
        {
            quotient--;
            remainder += TimeMath.NanosPerSecond;
        }

        return quotient >= TimeMath.MinTimestampSeconds && quotient <= TimeMath.MaxTimestampSeconds
            ? CelValue.Timestamp((long)quotient, (int)remainder)
            : Errors.TimestampOutOfRange;
    }

    public static CelValue Timestamp(long unixSeconds) =>
        TimeMath.TimestampInRange(unixSeconds) ? CelValue.Timestamp(unixSeconds, 0) : Errors.TimestampOutOfRange;

    public static CelValue Duration(Int128 totalNanos)
    {
        if (totalNanos > MaxDurationNanos || totalNanos < -MaxDurationNanos)
        {
            return Errors.DurationOutOfRange;
        }

        var (quotient, remainder) = Int128.DivRem(totalNanos, TimeMath.NanosPerSecond);
        return CelValue.Duration((long)quotient, (int)remainder);
    }

    public static CelValue ParseTimestamp(string text) =>
        TimestampParser.TryParse(text, out var seconds, out var nanos)
            ? Timestamp(((Int128)seconds * TimeMath.NanosPerSecond) + nanos)
            : Errors.Invalid($"invalid timestamp '{Errors.Shorten(text)}'");

    public static CelValue ParseDuration(string text) =>
        DurationParser.TryParse(text, out var nanos)
            ? Duration(nanos)
            : Errors.Invalid($"invalid duration '{Errors.Shorten(text)}'");
}
