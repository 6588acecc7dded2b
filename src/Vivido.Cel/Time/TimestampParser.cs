namespace Vivido.Cel.Time;

/// <summary>Parses RFC 3339 timestamps such as "2009-02-13T23:31:30.123Z" or "1972-01-01T10:00:20-05:00".</summary>
internal static class TimestampParser
{
    public static bool TryParse(string text, out long seconds, out int nanos)
    {
        seconds = 0;
        nanos = 0;
        var s = text.AsSpan();
        if (s.Length < 20
            || !Digits(s, 0, 4, out var year) || s[4] != '-'
            || !Digits(s, 5, 2, out var month) || s[7] != '-'
            || !Digits(s, 8, 2, out var day) || s[10] is not ('T' or 't')
            || !Digits(s, 11, 2, out var hour) || s[13] != ':'
            || !Digits(s, 14, 2, out var minute) || s[16] != ':'
            || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > CivilCalendar.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var pos = 19;
        if (s[pos] == '.')
        {
            pos++;
            var digits = 0;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                if (digits < 9)
                {
                    nanos = (nanos * 10) + (s[pos] - '0');
                }

                digits++;
                pos++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (var i = digits; i < 9; i++)
            {
                nanos *= 10;
            }
        }

        if (!TryParseZone(s[pos..], out var offsetSeconds))
        {
            return false;
        }

        seconds = (CivilCalendar.DaysFromCivil(year, month, day) * CivilCalendar.SecondsPerDay)
            + (hour * 3600L) + (minute * 60L) + second - offsetSeconds;
        return true;
    }

    private static bool TryParseZone(ReadOnlySpan<char> zone, out long offsetSeconds)
    {
        offsetSeconds = 0;
        if (zone is "Z" or "z")
        {
            return true;
        }

        if (zone.Length != 6 || zone[0] is not ('+' or '-') || zone[3] != ':'
            || !Digits(zone, 1, 2, out var hours) || !Digits(zone, 4, 2, out var minutes)
            || hours > 23 || minutes > 59)
        {
            return false;
        }

        offsetSeconds = (zone[0] == '-' ? -1 : 1) * ((hours * 3600L) + (minutes * 60L));
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
