using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vivido.Server.Http;

/// <summary>Turns a <see cref="JsonException"/> from request binding into the field it concerns and a message without type names.</summary>
internal static partial class JsonErrorField
{
    public static (string Field, string Message) Describe(JsonException exception)
    {
        var field = FromPath(exception.Path);
        var text = exception.Message;
        if (UnmappedProperty().Match(text) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            var full = field == "body" ? name : field.EndsWith(name, StringComparison.Ordinal) ? field : $"{field}.{name}";
            return (full, $"unknown field '{full}'");
        }

        if (text.Contains("could not be converted", StringComparison.Ordinal))
        {
            return (field, $"'{field}' has the wrong type");
        }

        if (text.Contains("missing required properties", StringComparison.Ordinal))
        {
            return (field, "a required field is missing");
        }

        var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } column
            ? $" at line {line + 1}, column {column + 1}"
            : string.Empty;
        return (field, $"malformed JSON{where}");
    }

    /// <summary><c>$.params.a</c> becomes <c>params.a</c>; the root (<c>$</c>) is the whole body.</summary>
    public static string FromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return trimmed.Length == 0 ? "body" : trimmed;
    }

    [GeneratedRegex("property '(?<name>[^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedProperty();
}
