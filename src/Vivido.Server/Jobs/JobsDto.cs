namespace Vivido.Server.Jobs;

/// <summary><c>GET /api/v1/jobs</c>: the leases, and which replica answered.</summary>
/// <param name="ReplicaId">The replica that answered this request.</param>
/// <param name="RunJobs">Whether that replica runs the background jobs.</param>
/// <param name="Leases">Every lease, by name.</param>
internal sealed record JobsDto(string ReplicaId, bool RunJobs, IReadOnlyList<LeaseDto> Leases);

/// <summary>A background-work lease: <c>active</c> while not expired.</summary>
internal sealed record LeaseDto(string Name, string Holder, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt, bool Active);
