using System.Text.Json;

namespace Vivido.Core.Admission;

/// <summary>Builds the mutating webhook's RFC 6902 patch.</summary>
public static class JsonPatchBuilder
{
    /// <summary>
    /// A JSON array of <c>replace</c> operations, one per image referenced by tag only that resolved to a
    /// digest, setting it to <see cref="ImageReference.PinnedTo"/>; <c>[]</c> when there is none.
    /// </summary>
    public static string PinTags(IReadOnlyList<ResolvedImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = AdmissionJson.Encoder }))
        {
            writer.WriteStartArray();
            foreach (var image in images)
            {
                if (image.Image.Reference is { IsPinned: false } reference && image.Digest is { } digest)
                {
                    writer.WriteStartObject();
                    writer.WriteString("op", "replace");
                    writer.WriteString("path", image.Image.Pointer);
                    writer.WriteString("value", reference.PinnedTo(digest));
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
