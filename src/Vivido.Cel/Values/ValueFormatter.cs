using System.Globalization;
using System.Text;
using Vivido.Cel.Time;

namespace Vivido.Cel.Values;

/// <summary>Renders values as CEL-literal-like debug text.</summary>
internal static class ValueFormatter
{
    public static string Format(CelValue value)
    {
        var builder = new StringBuilder();
        Append(builder, value, 0);
        return builder.ToString();
    }

    /// <summary>Shortest round-trip text of a double, always with a decimal point or exponent.</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal)
            ? text
            : text + ".0";
    }

    private static void Append(StringBuilder builder, CelValue value, int depth)
    {
        if (depth > 64)
        {
            builder.Append("...");
            return;
        }

        switch (value.Kind)
        {
            case CelKind.Null:
                builder.Append("null");
                break;
            case CelKind.Bool:
                builder.Append(value.RawBool ? "true" : "false");
                break;
            case CelKind.Int:
                builder.Append(value.RawInt.ToString(CultureInfo.InvariantCulture));
                break;
            case CelKind.Uint:
                builder.Append(value.RawUint.ToString(CultureInfo.InvariantCulture)).Append('u');
                break;
            case CelKind.Double:
                builder.Append(FormatDouble(value.RawDouble));
                break;
            case CelKind.String:
                AppendQuoted(builder, (string)value.RawRef!);
                break;
            case CelKind.Bytes:
                AppendBytes(builder, (byte[])value.RawRef!);
                break;
            case CelKind.List:
                AppendList(builder, (CelList)value.RawRef!, depth);
                break;
            case CelKind.Map:
                AppendMap(builder, (CelMap)value.RawRef!, depth);
                break;
            case CelKind.Timestamp:
                builder.Append("timestamp(\"").Append(TimeMath.FormatTimestamp(value.RawSeconds, value.RawNanos)).Append("\")");
                break;
            case CelKind.Duration:
                builder.Append("duration(\"").Append(TimeMath.FormatDuration(value.RawSeconds, value.RawNanos)).Append("\")");
                break;
            case CelKind.Type:
                builder.Append((string)value.RawRef!);
                break;
            default:
                builder.Append("error(").Append((string)value.RawRef!).Append(')');
                break;
        }
    }

    private static void AppendList(StringBuilder builder, CelList list, int depth)
    {
        builder.Append('[');
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Append(builder, list[i], depth + 1);
        }

        builder.Append(']');
    }

    private static void AppendMap(StringBuilder builder, CelMap map, int depth)
    {
        builder.Append('{');
        var first = true;
        foreach (var entry in map.Entries)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            Append(builder, entry.Key, depth + 1);
            builder.Append(": ");
            Append(builder, entry.Value, depth + 1);
        }

        builder.Append('}');
    }

    private static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static void AppendBytes(StringBuilder builder, byte[] bytes)
    {
        builder.Append("b\"");
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7f && b != '"' && b != '\\')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
        }

        builder.Append('"');
    }
}
