using System.Text;
using System.Text.Json;

namespace Vivido.Cli;

/// <summary>Turns an API problem document into the CLI's error: exit 3 for policy refusals, 4 for version conflicts, else 1.</summary>
internal static class ApiFailure
{
    private const string GuardsUnmet = "urn:vivido:problem:guards-unmet";
    private const string EventNotAllowed = "urn:vivido:problem:event-not-allowed";
    private const string VersionConflict = "urn:vivido:problem:version-conflict";

    public static CliException From(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        JsonElement problem;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            problem = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            var text = response.Body.Length > 200 ? response.Body[..200] : response.Body;
            return new CliException($"HTTP {response.Status}: {(text.Length == 0 ? "no details" : text.ReplaceLineEndings(" "))}");
        }

        if (problem.ValueKind != JsonValueKind.Object)
        {
            return new CliException($"HTTP {response.Status}: unexpected response");
        }

        var type = Text(problem, "type");
        var detail = Text(problem, "detail") ?? Text(problem, "title") ?? $"HTTP {response.Status}";
        return type switch
        {
            GuardsUnmet => new CliException(WithGuards($"refused: {detail}", problem), ExitCodes.Refused),
            EventNotAllowed => new CliException($"refused: {detail}", ExitCodes.Refused),
            VersionConflict => new CliException(detail, ExitCodes.Conflict),
            _ => new CliException($"{detail} (HTTP {response.Status})"),
        };
    }

    /// <summary>The headline, then one line per unmet guard (and per refused rollback candidate).</summary>
    private static string WithGuards(string headline, JsonElement problem)
    {
        var text = new StringBuilder(headline);
        if (problem.TryGetProperty("candidates", out var candidates) && candidates.ValueKind == JsonValueKind.Array && candidates.GetArrayLength() > 0)
        {
            foreach (var candidate in candidates.EnumerateArray())
            {
                text.Append('\n').Append("  candidate ").Append(Text(candidate, "digest"));
                AppendGuards(text, candidate, "    ");
            }
        }
        else
        {
            AppendGuards(text, problem, "  ");
        }

        return text.ToString();
    }

    private static void AppendGuards(StringBuilder text, JsonElement owner, string indent)
    {
        if (!owner.TryGetProperty("unmetGuards", out var guards) || guards.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var guard in guards.EnumerateArray())
        {
            text.Append('\n').Append(indent).Append("unmet guard ").Append(Text(guard, "name")).Append(": ").Append(Text(guard, "message"));
            if (Text(guard, "error") is { } error)
            {
                text.Append(" (").Append(error).Append(')');
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
