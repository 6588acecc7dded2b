using System.Collections.Concurrent;
using System.Globalization;

namespace Vivido.Cel.Time;

/// <summary>
/// Resolves CEL time zone arguments: "UTC", fixed offsets ("+05:30", "-02:30", "02:00") and IANA
/// names ("America/Los_Angeles"). IANA lookups are cached, with a bounded cache so that hostile
/// input cannot grow it without limit.
/// </summary>
internal static class TimeZones
{
    private const int MaxCachedZones = 1024;
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.Ordinal);

    /// <summary>The UTC offset of <paramref name="zone"/> at the given instant.</summary>
    public static bool TryGetOffset(string zone, long unixSeconds, out long offsetSeconds)
    {
        if (TryParseFixedOffset(zone, out offsetSeconds))
        {
            return true;
        }

        var info = Find(zone);
        if (info is null)
        {
            return false;
        }

        // Host-supplied timestamps may lie outside DateTime's range; zone rules there are moot.
        var clamped = Math.Clamp(unixSeconds, TimeMath.MinTimestampSeconds, TimeMath.MaxTimestampSeconds);
        var utc = DateTime.UnixEpoch.AddSeconds(clamped);
        offsetSeconds = (long)info.GetUtcOffset(utc).TotalSeconds;
        return true;
    }

    private static bool TryParseFixedOffset(string zone, out long offsetSeconds)
    {
        offsetSeconds = 0;
        if (zone is "UTC" or "Z")
        {
            return true;
        }

        var span = zone.AsSpan();
        var sign = 1;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            sign = span[0] == '-' ? -1 : 1;
            span = span[1..];
        }

        if (span.Length != 5 || span[2] != ':'
            || !int.TryParse(span[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(span[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 23 || minutes > 59)
        {
            return false;
        }

        offsetSeconds = sign * ((hours * 3600L) + (minutes * 60L));
        return true;
    }

    private static TimeZoneInfo? Find(string zone)
    {
        if (Cache.TryGetValue(zone, out var cached))
        {
            return cached;
        }

        var found = IsPlausibleZoneId(zone) ? Lookup(zone) : null;
        if (Cache.Count < MaxCachedZones)
        {
            Cache.TryAdd(zone, found);
        }

        return found;
    }

    private static TimeZoneInfo? Lookup(string zone)
    {
        try
        {
            return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) ? info : null;
        }
        catch (Exception ex) when (ex is InvalidTimeZoneException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // IANA ids are short and made of letters, digits, '/', '_', '+' and '-'; anything else
    // (e.g. "..") never reaches the file-system-backed lookup.
    private static bool IsPlausibleZoneId(string zone)
    {
        if (zone.Length is 0 or > 64 || zone.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in zone)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '+' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
