using System.Text.Json;

namespace Vivido.Registry.Cosign;

/// <summary>Reads the simple-signing layers of a cosign signature manifest.</summary>
internal static class CosignManifest
{
    /// <summary>The media type of a cosign signature layer (its blob is the signed payload).</summary>
    public const string SimpleSigningLayer = "application/vnd.dev.cosign.simplesigning.v1+json";

    /// <summary>The layer annotation holding the base64 signature.</summary>
    public const string SignatureAnnotation = "dev.cosignproject.cosign/signature";

    /// <summary>The artifact type cosign gives signatures stored as referrers.</summary>
    public const string SignatureArtifactType = "application/vnd.dev.cosign.artifact.sig.v1+json";

    /// <summary>At most this many layers of one manifest are read: cosign writes one per signature.</summary>
    public const int MaxLayers = 32;

    /// <summary>The (payload blob digest, base64 signature) of each simple-signing layer; empty for any other document.</summary>
    public static IReadOnlyList<(string PayloadDigest, string Signature)> Layers(byte[] manifest)
    {
        var found = new List<(string, string)>();
        try
        {
            using var document = JsonDocument.Parse(manifest);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
            {
                return found;
            }

            foreach (var layer in layers.EnumerateArray().Take(MaxLayers))
            {
                if (layer.ValueKind == JsonValueKind.Object
                    && Text(layer, "mediaType") == SimpleSigningLayer
                    && Text(layer, "digest") is { } digest && References.IsDigest(digest)
                    && layer.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object
                    && Text(annotations, SignatureAnnotation) is { Length: > 0 } signature)
                {
                    found.Add((digest, signature));
                }
            }
        }
        catch (JsonException)
        {
            // Not a manifest we can read: it carries no signature we could verify.
        }

        return found;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
