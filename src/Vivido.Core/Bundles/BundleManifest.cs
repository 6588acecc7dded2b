namespace Vivido.Core.Bundles;

/// <summary>The content of <c>manifest.json</c>: what the bundle is about and every other file with its SHA-256 and size.</summary>
internal sealed record BundleManifest(string Format, string Digest, string Repository, DateTimeOffset CreatedAt, IReadOnlyList<ManifestFile> Files)
{
    public const string FormatName = "vivido-evidence-bundle/v1";
}
