namespace Vivido.Core.Storage;

/// <summary>A package listed by an image's newest SBOM.</summary>
/// <param name="Name">The component's name.</param>
/// <param name="Version">Its version, when given.</param>
/// <param name="Purl">Its full package URL, when given.</param>
/// <param name="PurlBase">
/// The package URL without version, qualifiers and subpath (<c>pkg:apk/alpine/musl</c>), lowercased
/// where the purl spec says names are case-insensitive; what <c>GET /packages?purl=</c> matches on.
/// Null when the component has no purl.
/// </param>
public sealed record PackageRecord(string Name, string? Version, string? Purl, string? PurlBase);
