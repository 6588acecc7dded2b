using System.Globalization;
using Vivido.Core.Service;

namespace Vivido.Server.Http;

/// <summary>Parses query and header values by hand so a bad one is a 400 naming it, not a binding failure.</summary>
internal static class RequestValues
{
    public const string IfMatchHeader = "If-Match";

    /// <summary>An optional integer query value.</summary>
    public static bool TryInt(string? text, string field, out int? value, out InvalidInput? failure)
    {
        value = null;
        failure = null;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        failure = new InvalidInput(field, $"'{field}' must be a whole number");
        return false;
    }

    /// <summary>An optional non-negative long query value.</summary>
    public static bool TryLong(string? text, string field, out long? value, out InvalidInput? failure)
    {
        value = null;
        failure = null;
        if (text is null)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        failure = new InvalidInput(field, $"'{field}' must be a whole number");
        return false;
    }

    /// <summary><c>If-Match: 3</c>, <c>"3"</c> or <c>W/"3"</c> names version 3; absent means no precondition.</summary>
    public static bool TryIfMatch(HttpRequest request, out long? version, out InvalidInput? failure)
    {
        version = null;
        failure = null;
        var raw = request.Headers.IfMatch.ToString().Trim();
        if (raw.Length == 0)
        {
            return true;
        }

        var text = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
        text = text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
        {
            version = parsed;
            return true;
        }

        failure = new InvalidInput(IfMatchHeader, "'If-Match' must be the image's version, e.g. If-Match: \"3\"");
        return false;
    }

    /// <summary>The strong ETag for an image version.</summary>
    public static string ETag(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");
}
