namespace Vivido.Server.Webhooks;

/// <summary>The media types of image manifests and indexes: pushes of these register images, every other push (layers, configs) is ignored.</summary>
internal static class ManifestMediaTypes
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
    };

    public static bool IsManifest(string? mediaType) => mediaType is not null && Types.Contains(mediaType);
}
