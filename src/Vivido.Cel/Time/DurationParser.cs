namespace Vivido.Cel.Time;

/// <summary>
/// Parses Go-style duration strings: an optional sign and a sequence of decimal numbers with units,
/// e.g. "1h30m", "-1.5s", "300ms"; units are ns, us (or µs), ms, s, m and h.
/// </summary>
internal static class DurationParser
{
    // Far beyond any valid duration, but small enough that summing components cannot overflow.
    private static readonly Int128 MaxMagnitude = (Int128)1_000_000_000 * 1_000_000_000_000_000_000;
    private static readonly Int128 MaxFractionScale = (Int128)10_000_000_000 * 10_000_000_000;

    /// <summary>Total nanoseconds; false when the text is not a valid duration.</summary>
    public static bool TryParse(string text, out Int128 totalNanos)
    {
        totalNanos = 0;
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            return true;
        }

        if (s.IsEmpty)
        {
            return false;
        }

        while (!s.IsEmpty)
        {
            if (!TryReadComponent(ref s, out var nanos))
            {
                return false;
            }

            totalNanos += nanos;
            if (totalNanos > MaxMagnitude)
            {
                return false;
            }
        }

        if (negative)
        {
            totalNanos = -totalNanos;
        }

        return true;
    }

    private static bool TryReadComponent(ref ReadOnlySpan<char> s, out Int128 nanos)
    {
        nanos = 0;
        Int128 whole = 0;
        Int128 fraction = 0;
        Int128 scale = 1;
        var digits = 0;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++, digits++)
        {
            if (digits < 24)
            {
                whole = (whole * 10) + (s[i] - '0');
            }
            else
            {
                return false;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++, digits++)
            {
                // Digits beyond nanosecond precision of the largest unit cannot matter.
                if (scale < MaxFractionScale)
                {
                    fraction = (fraction * 10) + (s[i] - '0');
                    scale *= 10;
                }
            }
        }

        if (digits == 0)
        {
            return false;
        }

        var unitStart = i;
        while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
        {
            i++;
        }

        long unit = s[unitStart..i] switch
        {
            "ns" => 1,
            "us" or "\u00b5s" or "\u03bcs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => 0,
        };
        if (unit == 0)
        {
            return false;
        }

        nanos = (whole * unit) + (fraction * unit / scale);
        s = s[i..];
        return true;
    }
}
