namespace Vivido.Core.Bundles;

/// <summary>One file listed in <c>manifest.json</c>.</summary>
internal sealed record ManifestFile(string Path, string Sha256, long Size);
