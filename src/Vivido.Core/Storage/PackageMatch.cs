namespace Vivido.Core.Storage;

/// <summary>An image whose newest SBOM lists a package.</summary>
public sealed record PackageMatch(ImageRecord Image, PackageRecord Package);
