namespace Vivido.Core.Storage;

/// <summary>An image whose newest scan reports a vulnerability, with the findings for it.</summary>
public sealed record VulnerableImage(ImageRecord Image, IReadOnlyList<VulnerabilityFinding> Findings);
