namespace Vivido.Core.Lifecycles.Loading;

/// <summary>Parses lifecycle durations such as <c>30d</c>, <c>12h</c>, <c>90m</c>, <c>45s</c> and <c>1d12h</c>.</summary>
internal static class DurationParser
{
    private const string Units = "dhms";

    /// <summary>Units appear at most once, in the order d, h, m, s; the total must be positive.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var nextUnit = 0;
        var i = 0;
        long seconds = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            // Nine digits keep every unit far from overflow.
            if (i == start || i - start > 9 || i == text.Length)
            {
                return false;
            }

            var unit = Units.IndexOf(text[i], StringComparison.Ordinal);
            if (unit < nextUnit)
            {
                return false;
            }

            var amount = long.Parse(text.AsSpan(start, i - start), provider: System.Globalization.CultureInfo.InvariantCulture);
            seconds += amount * UnitSeconds(unit);
            nextUnit = unit + 1;
            i++;
        }

        if (seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static long UnitSeconds(int unit) => unit switch
    {
        0 => 86_400,
        1 => 3_600,
        2 => 60,
        _ => 1,
    };
}
