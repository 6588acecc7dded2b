using Vivido.Core.Deployments;
using Vivido.Core.Images;

namespace Vivido.Server.Contracts;

// Deployment documents; docs/api.md ("Deployments") shows each one.

/// <summary><c>POST /api/v1/deployments</c>: where a digest runs and how.</summary>
internal sealed record DeploymentBody(string? Environment, string? Cluster, string? Namespace, string? Workload, string? Digest, string? Status)
{
    public DeploymentInput ToInput() => new(Digest, Environment, Cluster, Namespace, Workload, Status);
}

/// <summary>A stored deployment row: <c>{digest, environment, cluster, namespace, workload, status, firstSeen, lastSeen}</c>.</summary>
internal sealed record DeploymentDto(
    string Digest, string Environment, string Cluster, string Namespace, string Workload, DeploymentStatus Status, DateTimeOffset FirstSeen, DateTimeOffset LastSeen)
{
    public static DeploymentDto From(string digest, DeploymentFact fact) =>
        new(digest, fact.Environment, fact.Cluster, fact.Namespace, fact.Workload, fact.Status, fact.FirstSeen, fact.LastSeen);
}

/// <summary><c>GET /api/v1/images/{digest}/deployments</c>.</summary>
internal sealed record ImageDeploymentsDto(string Digest, IReadOnlyList<DeploymentFact> Items);
