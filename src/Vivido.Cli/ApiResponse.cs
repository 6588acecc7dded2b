using System.Text.Json;

namespace Vivido.Cli;

/// <summary>An HTTP response from the Vivido API: status and the body exactly as sent.</summary>
internal sealed record ApiResponse(int Status, string Body, string? MediaType)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The body parsed as JSON; an empty or non-JSON body is an error.</summary>
    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new CliException($"the server answered HTTP {Status} without a JSON body");
        }
    }
}
