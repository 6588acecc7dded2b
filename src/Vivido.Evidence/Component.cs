namespace Vivido.Evidence;

/// <summary>A component (package) an SBOM lists.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Version">Its version, when given.</param>
/// <param name="Purl">Its package URL, when given.</param>
/// <param name="Type">CycloneDX component type or SPDX primaryPackagePurpose, lowercase, when given.</param>
public sealed record Component(string Name, string? Version, string? Purl, string? Type);
