using System.Text.Json;

namespace Vivido.Replicas.Tests.Support;

/// <summary>Short reads of the API's JSON.</summary>
internal static class JsonValues
{
    public static string Str(this JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new InvalidOperationException($"'{name}' is null in {element}");

    public static string? StrOrNull(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long Long(this JsonElement element, string name) => element.GetProperty(name).GetInt64();

    public static IReadOnlyList<JsonElement> Items(this JsonElement element, string name = "items") => [.. element.GetProperty(name).EnumerateArray()];
}
