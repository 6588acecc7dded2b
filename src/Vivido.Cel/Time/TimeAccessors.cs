using Vivido.Cel.Evaluation;

namespace Vivido.Cel.Time;

/// <summary>The calendar and clock fields CEL exposes on timestamps and durations.</summary>
internal enum TimeField
{
    FullYear,
    Month,
    DayOfYear,
    DayOfMonth,
    Date,
    DayOfWeek,
    Hours,
    Minutes,
    Seconds,
    Milliseconds,
}

/// <summary>getFullYear(), getHours('Europe/Paris') and friends.</summary>
internal static class TimeAccessors
{
    public static bool TryGetField(string function, out TimeField field)
    {
        field = function switch
        {
            "getFullYear" => TimeField.FullYear,
            "getMonth" => TimeField.Month,
            "getDayOfYear" => TimeField.DayOfYear,
            "getDayOfMonth" => TimeField.DayOfMonth,
            "getDate" => TimeField.Date,
            "getDayOfWeek" => TimeField.DayOfWeek,
            "getHours" => TimeField.Hours,
            "getMinutes" => TimeField.Minutes,
            "getSeconds" => TimeField.Seconds,
            "getMilliseconds" => TimeField.Milliseconds,
            _ => (TimeField)(-1),
        };
        return (int)field >= 0;
    }

    /// <summary>A field of a timestamp (in UTC) or of a duration.</summary>
    public static CelValue Get(CelValue target, TimeField field, string function) => target.Kind switch
    {
        CelKind.Timestamp => FromTimestamp(target, field, 0),
        CelKind.Duration => FromDuration(target, field, function),
        CelKind.Error => target,
        _ => Errors.NoMatchingOverload(function, target),
    };

    /// <summary>A field of a timestamp in the given time zone.</summary>
    public static CelValue Get(CelValue target, CelValue zone, TimeField field, string function)
    {
        if (target.Kind != CelKind.Timestamp || zone.Kind != CelKind.String)
        {
            return Errors.NoMatchingOverload(function, target, zone);
        }

        return TimeZones.TryGetOffset(zone.AsString(), target.RawSeconds, out var offset)
            ? FromTimestamp(target, field, offset)
            : Errors.Invalid($"unknown time zone '{Errors.Shorten(zone.AsString())}'");
    }

    private static CelValue FromTimestamp(CelValue timestamp, TimeField field, long offsetSeconds)
    {
        var local = timestamp.RawSeconds + offsetSeconds;
        var days = CivilCalendar.FloorDiv(local, CivilCalendar.SecondsPerDay);
        var secondOfDay = local - (days * CivilCalendar.SecondsPerDay);
        long result;
        switch (field)
        {
            case TimeField.FullYear:
            case TimeField.Month:
            case TimeField.DayOfMonth:
            case TimeField.Date:
            case TimeField.DayOfYear:
                var (year, month, day) = CivilCalendar.CivilFromDays(days);
                result = field switch
                {
                    TimeField.FullYear => year,
                    TimeField.Month => month - 1,
                    TimeField.DayOfMonth => day - 1,
                    TimeField.Date => day,
                    _ => days - CivilCalendar.DaysFromCivil(year, 1, 1),
                };
                break;
            case TimeField.DayOfWeek:
                result = ((days % 7) + 11) % 7; // 1970-01-01 was a Thursday (4); Sunday is 0.
                break;
            case TimeField.Hours:
                result = secondOfDay / 3600;
                break;
            case TimeField.Minutes:
                result = secondOfDay / 60 % 60;
                break;
            case TimeField.Seconds:
                result = secondOfDay % 60;
                break;
            default:
                result = timestamp.RawNanos / 1_000_000;
                break;
        }

        return CelValue.Int(result);
    }

    private static CelValue FromDuration(CelValue duration, TimeField field, string function)
    {
        var seconds = duration.RawSeconds;
        return field switch
        {
            TimeField.Hours => CelValue.Int(seconds / 3600),
            TimeField.Minutes => CelValue.Int(seconds / 60),
            TimeField.Seconds => CelValue.Int(seconds),
            TimeField.Milliseconds => CelValue.Int(duration.RawNanos / 1_000_000),
            _ => Errors.NoMatchingOverload(function, duration),
        };
    }
}
