namespace Vivido.Core.Images;

/// <summary>Where the digest runs, and how.</summary>
public sealed record DeploymentFact(
    string Environment,
    string Cluster,
    string Namespace,
    string Workload,
    DeploymentStatus Status,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
