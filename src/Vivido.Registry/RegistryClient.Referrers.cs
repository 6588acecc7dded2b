using System.Net;
using System.Text.Json;

namespace Vivido.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// The manifests whose <c>subject</c> is <paramref name="digest"/>: the referrers API (<c>GET /v2/NAME/referrers/DIGEST</c>),
    /// or, when the registry answers 404 there, the index tagged <c>sha256-HEX</c> (the OCI tag-schema fallback).
    /// Filtered by <paramref name="artifactType"/> when given.
    /// </summary>
    public async Task<IReadOnlyList<ManifestDescriptor>> ListReferrersAsync(
        string repository, string digest, string? artifactType = null, CancellationToken ct = default)
    {
        References.Repository(repository);
        References.Digest(digest);
        var what = $"list referrers of {digest}";
        var path = $"v2/{repository}/referrers/{digest}" + (artifactType is null ? string.Empty : "?artifactType=" + Uri.EscapeDataString(artifactType));
        IReadOnlyList<ManifestDescriptor> found;
        using (var response = await SendAsync(HttpMethod.Get, path, MediaTypes.OciIndex, Scope(repository, "pull"), what, ct, repository).ConfigureAwait(false))
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                found = await TagSchemaReferrersAsync(repository, digest, ct).ConfigureAwait(false);
            }
            else
            {
                await EnsureSuccessAsync(response, repository, what, ct).ConfigureAwait(false);
                var body = await ReadCappedAsync(response, MaxManifestBytes, ct).ConfigureAwait(false)
                    ?? throw new RegistryException($"{Where(repository)}: {what}: response larger than {MaxManifestBytes} bytes");
                found = IndexEntries(body, repository, what);
            }
        }

        return artifactType is null ? found : [.. found.Where(d => d.ArtifactType == artifactType)];
    }

    private async Task<IReadOnlyList<ManifestDescriptor>> TagSchemaReferrersAsync(string repository, string digest, CancellationToken ct)
    {
        var tag = digest.Replace(':', '-');
        if (tag.Length > 128)
        {
            tag = tag[..128];
        }

        var index = await GetManifestAsync(repository, tag, ct).ConfigureAwait(false);
        return index is null ? [] : IndexEntries(index.Bytes, repository, $"read referrers tag {tag}");
    }

    /// <summary>The <c>manifests</c> of an index document as descriptors.</summary>
    internal IReadOnlyList<ManifestDescriptor> IndexEntries(byte[] body, string repository, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var entries = new List<ManifestDescriptor>();
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
            {
                return entries;
            }

            foreach (var item in manifests.EnumerateArray())
            {
                if (Descriptor(item) is { } descriptor)
                {
                    entries.Add(descriptor);
                }
            }

            return entries;
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{Where(repository)}: {what}: not a JSON index: {e.Message}", e);
        }
    }

    internal static ManifestDescriptor? Descriptor(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("digest", out var digest) || digest.ValueKind != JsonValueKind.String
            || !References.IsDigest(digest.GetString()!))
        {
            return null;
        }

        var mediaType = item.TryGetProperty("mediaType", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
        var size = item.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : 0;
        var artifactType = item.TryGetProperty("artifactType", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        Dictionary<string, string>? annotations = null;
        if (item.TryGetProperty("annotations", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            annotations = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in map.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    annotations[property.Name] = property.Value.GetString()!;
                }
            }
        }

        return new ManifestDescriptor(mediaType, digest.GetString()!, size, artifactType, annotations);
    }
}
