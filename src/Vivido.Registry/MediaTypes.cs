namespace Vivido.Registry;

/// <summary>The manifest media types Vivido asks registries for.</summary>
public static class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>Every manifest type, for the Accept header of manifest requests.</summary>
    public static IReadOnlyList<string> Manifests { get; } = [OciManifest, OciIndex, DockerManifest, DockerManifestList];

    /// <summary>True for an image index or a Docker manifest list.</summary>
    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;
}
