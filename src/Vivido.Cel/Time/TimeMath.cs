using System.Globalization;

namespace Vivido.Cel.Time;

/// <summary>Text forms and constants for CEL timestamps and durations.</summary>
internal static class TimeMath
{
    public const long NanosPerSecond = 1_000_000_000;

    /// <summary>Unix seconds of 0001-01-01T00:00:00Z, the smallest valid CEL timestamp.</summary>
    public const long MinTimestampSeconds = -62_135_596_800;

    /// <summary>Unix seconds of 9999-12-31T23:59:59Z, the largest valid CEL timestamp (with any nanos).</summary>
    public const long MaxTimestampSeconds = 253_402_300_799;

    /// <summary>
    /// Durations are limited to int64 nanoseconds (about ±292 years), as cel-go and the conformance suite
    /// require: e.g. the difference between years 1 and 9999 is a range error.
    /// </summary>
    public const long MaxDurationSeconds = long.MaxValue / NanosPerSecond;

    public static bool TimestampInRange(long seconds) => seconds is >= MinTimestampSeconds and <= MaxTimestampSeconds;

    /// <summary>
    /// RFC 3339 in UTC with 'Z' and fractional seconds only when non-zero. Computed without DateTime
    /// so that host-supplied timestamps outside years 1..9999 still print instead of throwing.
    /// </summary>
    public static string FormatTimestamp(long seconds, int nanos)
    {
        var days = CivilCalendar.FloorDiv(seconds, CivilCalendar.SecondsPerDay);
        var secondOfDay = seconds - (days * CivilCalendar.SecondsPerDay);
        var (year, month, day) = CivilCalendar.CivilFromDays(days);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{year:0000}-{month:00}-{day:00}T{secondOfDay / 3600:00}:{secondOfDay / 60 % 60:00}:{secondOfDay % 60:00}");
        return nanos == 0 ? text + "Z" : text + "." + Fraction(nanos) + "Z";
    }

    /// <summary>Seconds with a trimmed fraction and an 's' suffix, e.g. "3600s", "-1.5s".</summary>
    public static string FormatDuration(long seconds, int nanos)
    {
        var negative = seconds < 0 || nanos < 0;
        var whole = ((ulong)Math.Abs((decimal)seconds)).ToString(CultureInfo.InvariantCulture);
        var text = nanos == 0 ? whole : whole + "." + Fraction(Math.Abs(nanos));
        return (negative ? "-" : string.Empty) + text + "s";
    }

    private static string Fraction(int nanos) =>
        nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
}
