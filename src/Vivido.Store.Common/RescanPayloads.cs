using System.Text.Json;

namespace Vivido.Store.Common;

/// <summary>The outbox payload of a re-scan request, the same bytes from every store.</summary>
public static class RescanPayloads
{
    /// <summary><c>{"digest","repository","state","lastScannedAt","requestedAt"}</c>; times in ISO-8601 (UTC), a never-scanned image's <c>lastScannedAt</c> null.</summary>
    public static string Json(string digest, string repository, string state, DateTimeOffset? lastScannedAt, DateTimeOffset requestedAt)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("digest", digest);
            writer.WriteString("repository", repository);
            writer.WriteString("state", state);
            if (lastScannedAt is { } scanned)
            {
                writer.WriteString("lastScannedAt", scanned.ToUniversalTime());
            }
            else
            {
                writer.WriteNull("lastScannedAt");
            }

            writer.WriteString("requestedAt", requestedAt.ToUniversalTime());
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
