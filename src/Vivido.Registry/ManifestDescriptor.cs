namespace Vivido.Registry;

/// <summary>An OCI descriptor of a manifest: what a HEAD, an index entry or the referrers API says about it.</summary>
public sealed record ManifestDescriptor(
    string MediaType,
    string Digest,
    long Size,
    string? ArtifactType = null,
    IReadOnlyDictionary<string, string>? Annotations = null);
