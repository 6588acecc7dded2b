namespace Vivido.Core.Deployments;

/// <summary>A deployment report as a caller sent it (unchecked; <see cref="DeploymentService"/> validates every field).</summary>
/// <param name="Digest">The image, <c>sha256:…</c>.</param>
/// <param name="Environment">E.g. <c>prod</c>.</param>
/// <param name="Cluster">The cluster.</param>
/// <param name="Namespace">The namespace.</param>
/// <param name="Workload">E.g. <c>deployment/payment-api</c>.</param>
/// <param name="Status">One of <see cref="Images.DeploymentStatusNames.All"/>.</param>
public sealed record DeploymentInput(string? Digest, string? Environment, string? Cluster, string? Namespace, string? Workload, string? Status);
