using System.Globalization;
using System.Text;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>
/// CEL-literal-like text of a value for the report, built only from <see cref="CelValue"/>'s public
/// accessors so the report does not depend on the implementation's own ToString. Kinds stay visible:
/// <c>1</c>, <c>1u</c>, <c>1.0</c>, <c>"1"</c>, <c>b"1"</c>, <c>type(int)</c>.
/// </summary>
internal static class CelValueText
{
    public static string Format(CelValue value) => value.Kind switch
    {
        CelKind.Null => "null",
        CelKind.Bool => value.AsBool() ? "true" : "false",
        CelKind.Int => value.AsInt().ToString(CultureInfo.InvariantCulture),
        CelKind.Uint => value.AsUint().ToString(CultureInfo.InvariantCulture) + "u",
        CelKind.Double => FormatDouble(value.AsDouble()),
        CelKind.String => Quote(value.AsString()),
        CelKind.Bytes => QuoteBytes(value.AsBytes()),
        CelKind.List => "[" + string.Join(", ", Items(value.AsList()).Select(Format)) + "]",
        CelKind.Map => "{" + string.Join(", ", value.AsMap().Entries.Select(e => Format(e.Key) + ": " + Format(e.Value))) + "}",
        CelKind.Timestamp => FormatTimestamp(value.AsTimestampParts()),
        CelKind.Duration => FormatDuration(value.AsDurationParts()),
        CelKind.Type => "type(" + value.AsTypeName() + ")",
        CelKind.Error => "error(" + value.ErrorMessage + ")",
        _ => "<kind " + value.Kind + ">",
    };

    private static IEnumerable<CelValue> Items(CelList list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            yield return list[i];
        }
    }

    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "+Infinity" : "-Infinity";
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static string FormatTimestamp((long Seconds, int Nanos) parts)
    {
        if (parts.Seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || parts.Seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return $"timestamp({parts.Seconds}s, {parts.Nanos}ns)";
        }

        var text = DateTimeOffset.FromUnixTimeSeconds(parts.Seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = parts.Nanos == 0 ? string.Empty : "." + parts.Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        return $"timestamp(\"{text}{fraction}Z\")";
    }

    private static string FormatDuration((long Seconds, int Nanos) parts)
    {
        var negative = parts.Seconds < 0 || parts.Nanos < 0;
        var seconds = Math.Abs((decimal)parts.Seconds + (parts.Nanos / 1_000_000_000m));
        return $"duration(\"{(negative ? "-" : string.Empty)}{seconds.ToString("0.#########", CultureInfo.InvariantCulture)}s\")";
    }

    public static string Quote(string s)
    {
        var text = new StringBuilder("\"");
        foreach (var rune in s.EnumerateRunes())
        {
            _ = rune.Value switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                < 0x20 or 0x7F => text.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"),
                _ => text.Append(rune.ToString()),
            };
        }

        return text.Append('"').ToString();
    }

    public static string QuoteBytes(byte[] bytes)
    {
        var text = new StringBuilder("b\"");
        foreach (var b in bytes)
        {
            _ = b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\'
                ? text.Append((char)b)
                : text.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
        }

        return text.Append('"').ToString();
    }
}
