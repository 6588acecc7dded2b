using System.Text;
using System.Text.Json;

namespace Vivido.Core.Admission;

/// <summary>Writes the AdmissionReview response Kubernetes expects.</summary>
public static class AdmissionResponseWriter
{
    /// <summary>
    /// An AdmissionReview with <paramref name="apiVersion"/> and a <c>response</c>: <c>uid</c>, <c>allowed</c>,
    /// <c>status</c> when a code or message is given, <c>warnings</c> when any, and a base64 <c>JSONPatch</c>
    /// when <paramref name="jsonPatch"/> has operations. Use 403 for denials and 400 for malformed reviews.
    /// </summary>
    public static byte[] Write(string apiVersion, string uid, bool allowed, int? code, string? message, IReadOnlyList<string> warnings, string? jsonPatch)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(uid);
        ArgumentNullException.ThrowIfNull(warnings);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = AdmissionJson.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", apiVersion);
            writer.WriteString("kind", "AdmissionReview");
            writer.WriteStartObject("response");
            writer.WriteString("uid", uid);
            writer.WriteBoolean("allowed", allowed);
            if (code is not null || message is not null)
            {
                writer.WriteStartObject("status");
                if (code is { } value)
                {
                    writer.WriteNumber("code", value);
                }

                if (message is not null)
                {
                    writer.WriteString("message", message);
                }

                writer.WriteEndObject();
            }

            if (warnings.Count > 0)
            {
                writer.WriteStartArray("warnings");
                foreach (var warning in warnings)
                {
                    writer.WriteStringValue(warning);
                }

                writer.WriteEndArray();
            }

            if (jsonPatch is not null && jsonPatch.Trim() != "[]")
            {
                writer.WriteString("patchType", "JSONPatch");
                writer.WriteBase64String("patch", Encoding.UTF8.GetBytes(jsonPatch));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
