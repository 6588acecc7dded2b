using Vivido.Core.Images;

namespace Vivido.Core.Storage;

/// <summary>A sighting of a digest running somewhere, from a deploy tool or an admission review.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Environment">E.g. <c>staging</c>, <c>prod</c>.</param>
/// <param name="Cluster">The cluster.</param>
/// <param name="Namespace">The namespace.</param>
/// <param name="Workload">The workload, e.g. <c>deployment/payment-api</c>.</param>
/// <param name="Status">How it is doing.</param>
/// <param name="SeenAt">When it was seen in that status.</param>
public sealed record DeploymentReport(
    string Digest,
    string Environment,
    string Cluster,
    string Namespace,
    string Workload,
    DeploymentStatus Status,
    DateTimeOffset SeenAt);
