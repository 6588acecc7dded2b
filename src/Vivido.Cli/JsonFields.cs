using System.Globalization;
using System.Text.Json;

namespace Vivido.Cli;

/// <summary>Reads fields of API documents for table output; missing or null fields read as empty.</summary>
internal static class JsonFields
{
    public static string Str(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? string.Empty,
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => string.Empty,
            }
            : string.Empty;

    public static JsonElement Obj(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name = "items") =>
        element.Obj(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>A list of strings joined by commas.</summary>
    public static string Joined(this JsonElement element, string name) =>
        string.Join(",", element.Items(name).Select(i => i.GetString()));

    /// <summary>A string map as <c>k=v</c> pairs.</summary>
    public static string Pairs(this JsonElement element, string name) =>
        element.Obj(name) is { ValueKind: JsonValueKind.Object } map
            ? string.Join(" ", map.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"))
            : string.Empty;

    /// <summary>A timestamp shortened to seconds, UTC.</summary>
    public static string Time(this JsonElement element, string name) =>
        DateTimeOffset.TryParse(element.Str(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : element.Str(name);
}
