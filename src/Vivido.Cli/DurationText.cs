using System.Globalization;

namespace Vivido.Cli;

/// <summary>Durations on the command line: <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>, <c>1d</c>, or combined in that order, largest first (<c>1m30s</c>).</summary>
internal static class DurationText
{
    private static readonly (string Unit, long Milliseconds)[] Units =
    [
        ("d", 86_400_000), ("h", 3_600_000), ("ms", 1), ("m", 60_000), ("s", 1_000),
    ];

    /// <summary>The positive duration <paramref name="text"/> names; a <see cref="CliException"/> naming <paramref name="option"/> otherwise.</summary>
    public static TimeSpan Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.Trim(), out var duration)
            ? duration
            : throw new CliException($"{option} expects a positive duration such as 500ms, 30s, 2m, 1h or 1m30s, got '{text}'");
    }

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        long total = 0;
        var previous = long.MaxValue;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            // Nine digits keep every unit far from overflow.
            if (i == start || i - start > 9)
            {
                return false;
            }

            var amount = long.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            var unit = Units.FirstOrDefault(u => text.AsSpan(i).StartsWith(u.Unit, StringComparison.Ordinal));
            if (unit.Unit is null || unit.Milliseconds >= previous)
            {
                return false;
            }

            total += amount * unit.Milliseconds;
            previous = unit.Milliseconds;
            i += unit.Unit.Length;
        }

        if (total <= 0)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(total);
        return true;
    }
}
