using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Core.Evidence;

/// <summary>An image a vulnerability or package query found, with where it runs.</summary>
public sealed record ExposedImage(ImageRecord Image, IReadOnlyList<VulnerabilityFinding> Findings, IReadOnlyList<DeploymentFact> Deployments);
