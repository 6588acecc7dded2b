using System.Text.Json;

namespace Vivido.Replicas.Tests.Support;

/// <summary>One HTTP answer of a replica: status, JSON body (undefined when empty) and Retry-After.</summary>
internal sealed record ApiReply(int Status, JsonElement Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The problem document's <c>type</c>, or null when the body is not a problem.</summary>
    public string? ProblemType =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    public override string ToString() => $"{Status} {(Body.ValueKind == JsonValueKind.Undefined ? "(no body)" : Body.GetRawText())}";
}
