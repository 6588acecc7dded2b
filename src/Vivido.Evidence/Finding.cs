namespace Vivido.Evidence;

/// <summary>One vulnerability in one package, as the report lists it.</summary>
/// <param name="Id">The vulnerability id (<c>CVE-…</c>, <c>GHSA-…</c>), as reported.</param>
/// <param name="Severity">Normalised severity.</param>
/// <param name="Cvss">The highest CVSS base score in the report for it (any source, v3 preferred over v2 when both); null when none.</param>
/// <param name="Package">The package name.</param>
/// <param name="InstalledVersion">The installed version.</param>
/// <param name="FixedVersion">The fixed version(s) as reported (comma-joined when several); null when there is no fix.</param>
/// <param name="Purl">The package URL when reported.</param>
public sealed record Finding(string Id, Severity Severity, double? Cvss, string Package, string? InstalledVersion, string? FixedVersion, string? Purl);
