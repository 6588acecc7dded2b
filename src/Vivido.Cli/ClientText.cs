using System.Text.Json;

namespace Vivido.Cli;

/// <summary>Shared request and output helpers of the client verbs.</summary>
internal static class ClientText
{
    /// <summary><c>K=V</c> pairs from a repeatable option.</summary>
    public static Dictionary<string, string>? Pairs(IEnumerable<string>? values, string option)
    {
        var list = values?.ToList() ?? [];
        if (list.Count == 0)
        {
            return null;
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in list)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliException($"{option} expects KEY=VALUE, got '{value}'");
            }

            pairs[value[..equals]] = value[(equals + 1)..];
        }

        return pairs;
    }

    /// <summary>A path segment, escaped.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>A query string from the parameters that are set.</summary>
    public static string Query(params (string Name, string? Value)[] parameters)
    {
        var set = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return set.Count == 0 ? string.Empty : "?" + string.Join("&", set);
    }

    /// <summary>Headers for If-Match and Idempotency-Key, when given.</summary>
    public static Dictionary<string, string> WriteHeaders(long? ifMatch, string? idempotencyKey)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ifMatch is { } version)
        {
            headers["If-Match"] = $"\"{version}\"";
        }

        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            headers["Idempotency-Key"] = idempotencyKey;
        }

        return headers;
    }

    /// <summary>A history entry's detail for people: the unmet guards or allowed events of a refusal, else the text as stored.</summary>
    public static string Detail(string detail)
    {
        if (!detail.StartsWith('{'))
        {
            return detail;
        }

        try
        {
            using var document = JsonDocument.Parse(detail);
            var root = document.RootElement;
            var unmet = root.Items("unmet").Select(u => u.Str("name")).ToList();
            var allowed = root.Items("allowedEvents").Select(e => e.GetString()).ToList();
            return unmet.Count > 0 ? "unmet: " + string.Join(", ", unmet)
                : root.Obj("allowedEvents").ValueKind == JsonValueKind.Array ? "allowed: " + string.Join(", ", allowed)
                : detail;
        }
        catch (JsonException)
        {
            return detail;
        }
    }

    /// <summary>One line per moved image: the transition, then what its effects moved.</summary>
    public static void WriteTransition(TextWriter output, JsonElement result)
    {
        WriteEntry(output, result.Obj("transition"), result.Obj("image").Str("version"));
        foreach (var effect in result.Items("effects"))
        {
            output.Write("  also ");
            WriteEntry(output, effect, null);
        }
    }

    public static void WriteImageRows(TextWriter output, IEnumerable<JsonElement> images) =>
        TableWriter.Write(
            output,
            ["DIGEST", "REPOSITORY", "STATE", "VERSION", "SINCE", "TAGS"],
            images.Select(i => (IReadOnlyList<string>)[i.Str("digest"), i.Str("repository"), i.Str("state"), i.Str("version"), i.Time("enteredStateAt"), i.Joined("tags")]));

    private static void WriteEntry(TextWriter output, JsonElement entry, string? version)
    {
        var kind = entry.Str("kind") == "override" ? " (override)" : string.Empty;
        var suffix = version is null ? string.Empty : $", version {version}";
        output.WriteLine($"{entry.Str("digest")}: {entry.Str("from")} -> {entry.Str("to")} by {entry.Str("event")}{kind}{suffix}");
    }
}
