using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vivido.Core.Service;

/// <summary>How the service writes the JSON it stores (history details, outbox payloads): camelCase, nulls left out.</summary>
internal static class DetailJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
