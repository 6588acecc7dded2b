using System.Globalization;
using System.Text.Json;

namespace Vivido.Registry;

public sealed partial class RegistryClient
{
    private const long MaxConfigBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Size (config + layers), platform, creation time and labels of the image <paramref name="digest"/>; for an index, of its
    /// linux/amd64 image or else its first. Throws <see cref="RegistryException"/> (404) when the manifest does not exist.
    /// </summary>
    public async Task<ImageDetails> ReadImageDetailsAsync(string repository, string digest, CancellationToken ct = default)
    {
        var manifest = await GetManifestAsync(repository, References.Digest(digest), ct).ConfigureAwait(false)
            ?? throw new RegistryException($"{Where(repository)}: read image {digest}: 404 (not found)", System.Net.HttpStatusCode.NotFound);
        var image = manifest;
        if (MediaTypes.IsIndex(manifest.MediaType))
        {
            var chosen = ChoosePlatform(manifest.Bytes, repository)
                ?? throw new RegistryException($"{Where(repository)}: read image {digest}: the index lists no images");
            image = await GetManifestAsync(repository, chosen, ct).ConfigureAwait(false)
                ?? throw new RegistryException($"{Where(repository)}: read image {chosen} (from index {digest}): 404 (not found)", System.Net.HttpStatusCode.NotFound);
        }

        var (configDigest, size) = ConfigAndSize(image.Bytes, repository, digest);
        var config = await GetBlobAsync(repository, configDigest, MaxConfigBytes, ct).ConfigureAwait(false);
        return ReadConfig(config, digest, manifest.MediaType, size);
    }

    private string? ChoosePlatform(byte[] index, string repository)
    {
        using var document = Parse(index, repository, "read index");
        if (!document.RootElement.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        string? first = null;
        foreach (var item in manifests.EnumerateArray())
        {
            if (Descriptor(item) is not { } descriptor)
            {
                continue;
            }

            first ??= descriptor.Digest;
            if (item.TryGetProperty("platform", out var platform) && platform.ValueKind == JsonValueKind.Object
                && Text(platform, "os") == "linux" && Text(platform, "architecture") == "amd64")
            {
                return descriptor.Digest;
            }
        }

        return first;
    }

    private (string ConfigDigest, long Size) ConfigAndSize(byte[] manifest, string repository, string digest)
    {
        using var document = Parse(manifest, repository, $"read manifest {digest}");
        var root = document.RootElement;
        if (!root.TryGetProperty("config", out var config) || Descriptor(config) is not { } configDescriptor)
        {
            throw new RegistryException($"{Where(repository)}: read manifest {digest}: not an image manifest (no config)");
        }

        var size = configDescriptor.Size;
        if (root.TryGetProperty("layers", out var layers) && layers.ValueKind == JsonValueKind.Array)
        {
            foreach (var layer in layers.EnumerateArray())
            {
                size += layer.TryGetProperty("size", out var s) && s.TryGetInt64(out var n) ? n : 0;
            }
        }

        return (configDescriptor.Digest, size);
    }

    private ImageDetails ReadConfig(byte[] config, string digest, string mediaType, long size)
    {
        using var document = Parse(config, null, $"read config of {digest}");
        var root = document.RootElement;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("config", out var inner) && inner.ValueKind == JsonValueKind.Object
            && inner.TryGetProperty("Labels", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in map.EnumerateObject())
            {
                if (label.Value.ValueKind == JsonValueKind.String)
                {
                    labels[label.Name] = label.Value.GetString()!;
                }
            }
        }

        DateTimeOffset? created = DateTimeOffset.TryParse(Text(root, "created"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when
            : null;
        return new ImageDetails(digest, mediaType, size, Text(root, "os"), Text(root, "architecture"), created, labels);
    }

    private JsonDocument Parse(byte[] bytes, string? repository, string what)
    {
        try
        {
            var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document
                : throw new RegistryException($"{Where(repository)}: {what}: expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{Where(repository)}: {what}: not JSON: {e.Message}", e);
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
