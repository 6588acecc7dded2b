using Vivido.Core.Images;

namespace Vivido.Core.Storage;

/// <summary>One deployment row with the image it belongs to.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Repository">The image's repository.</param>
/// <param name="Deployment">Where and how it runs.</param>
public sealed record DeploymentRow(string Digest, string Repository, DeploymentFact Deployment);
