namespace Vivido.Server.Jobs;

/// <summary>The background-job part of <see cref="VividoServerOptions"/>.</summary>
/// <param name="ReplicaId">This replica's name in leases and in the history its jobs write.</param>
/// <param name="RunJobs">Whether this replica runs the jobs.</param>
/// <param name="Interval">How often a job looks for work.</param>
/// <param name="LeaseTtl">How long a lease lasts without renewal.</param>
internal sealed record JobsOptions(string ReplicaId, bool RunJobs, TimeSpan Interval, TimeSpan LeaseTtl);
