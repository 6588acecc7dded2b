using System.Globalization;
using System.Text.Json;
using System.Text;
using Vivido.Cel.Time;
using Vivido.Cel.Values;

namespace Vivido.Cel;

/// <summary>Converts between CEL values and JSON.</summary>
public static class CelJson
{
    private const int MaxDepth = 256;

    /// <summary>
    /// Writes a CEL value: numbers as JSON numbers (NaN and infinities as "NaN", "Infinity",
    /// "-Infinity"), bytes as base64, timestamps as RFC 3339 UTC strings, durations as "1.5s",
    /// types as their names, maps as objects (non-string keys as strings), errors as {"error": message}.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, CelValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteValue(writer, value, 0);
    }

    /// <summary>Serializes a CEL value to a JSON string.</summary>
    public static string Serialize(CelValue value, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, MaxDepth = MaxDepth + 2 }))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// JSON to CEL: objects become string-keyed maps, arrays lists, strings strings, true/false bools,
    /// null null, and numbers int when integral and within the int range, else double.
    /// </summary>
    public static CelValue FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var entries = new List<KeyValuePair<string, CelValue>>();
                foreach (var property in element.EnumerateObject())
                {
                    entries.Add(new(property.Name, FromJson(property.Value)));
                }

                return CelValue.Map(entries);
            case JsonValueKind.Array:
                var items = new CelValue[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[i++] = FromJson(item);
                }

                return CelValue.List(new ArrayCelList(items));
            case JsonValueKind.String:
                return CelValue.String(element.GetString()!);
            case JsonValueKind.True:
                return CelValue.True;
            case JsonValueKind.False:
                return CelValue.False;
            case JsonValueKind.Number:
                return Number(element);
            default:
                return CelValue.Null;
        }
    }

    private static CelValue Number(JsonElement element)
    {
        if (element.TryGetInt64(out var integer))
        {
            return CelValue.Int(integer);
        }

        // Numbers beyond the double range (e.g. 1e400) become infinities rather than failing.
        var d = element.TryGetDouble(out var parsed)
            ? parsed
            : double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return d == Math.Floor(d) && d >= -9.2233720368547758e18 && d < 9.2233720368547758e18
            ? CelValue.Int((long)d)
            : CelValue.Double(d);
    }

    private static void WriteValue(Utf8JsonWriter writer, CelValue value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"CEL value is nested deeper than {MaxDepth} levels.");
        }

        switch (value.Kind)
        {
            case CelKind.Null:
                writer.WriteNullValue();
                break;
            case CelKind.Bool:
                writer.WriteBooleanValue(value.RawBool);
                break;
            case CelKind.Int:
                writer.WriteNumberValue(value.RawInt);
                break;
            case CelKind.Uint:
                writer.WriteNumberValue(value.RawUint);
                break;
            case CelKind.Double:
                WriteDouble(writer, value.RawDouble);
                break;
            case CelKind.String:
                writer.WriteStringValue((string)value.RawRef!);
                break;
            case CelKind.Bytes:
                writer.WriteBase64StringValue((byte[])value.RawRef!);
                break;
            case CelKind.List:
                var list = (CelList)value.RawRef!;
                writer.WriteStartArray();
                for (var i = 0; i < list.Count; i++)
                {
                    WriteValue(writer, list[i], depth + 1);
                }

                writer.WriteEndArray();
                break;
            case CelKind.Map:
                writer.WriteStartObject();
                foreach (var entry in ((CelMap)value.RawRef!).Entries)
                {
                    writer.WritePropertyName(KeyText(entry.Key));
                    WriteValue(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case CelKind.Timestamp:
                writer.WriteStringValue(TimeMath.FormatTimestamp(value.RawSeconds, value.RawNanos));
                break;
            case CelKind.Duration:
                writer.WriteStringValue(TimeMath.FormatDuration(value.RawSeconds, value.RawNanos));
                break;
            case CelKind.Type:
                writer.WriteStringValue((string)value.RawRef!);
                break;
            default:
                writer.WriteStartObject();
                writer.WriteString("error", (string)value.RawRef!);
                writer.WriteEndObject();
                break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double d)
    {
        if (double.IsNaN(d))
        {
            writer.WriteStringValue("NaN");
        }
        else if (double.IsInfinity(d))
        {
            writer.WriteStringValue(d > 0 ? "Infinity" : "-Infinity");
        }
        else
        {
            writer.WriteNumberValue(d);
        }
    }

    private static string KeyText(CelValue key) => key.Kind switch
    {
        CelKind.String => (string)key.RawRef!,
        CelKind.Int => key.RawInt.ToString(CultureInfo.InvariantCulture),
        CelKind.Uint => key.RawUint.ToString(CultureInfo.InvariantCulture),
        CelKind.Bool => key.RawBool ? "true" : "false",
        CelKind.Double => ValueFormatter.FormatDouble(key.RawDouble),
        _ => key.ToString(),
    };
}
