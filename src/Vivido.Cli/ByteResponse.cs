using System.Text;

namespace Vivido.Cli;

/// <summary>An HTTP response kept as bytes (a raw document, a tar), with its status and media type.</summary>
internal sealed record ByteResponse(int Status, byte[] Body, string? MediaType)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The same response as text, for the JSON helpers, the retry policy and problem documents.</summary>
    public ApiResponse AsText() => new(Status, Encoding.UTF8.GetString(Body), MediaType);
}
