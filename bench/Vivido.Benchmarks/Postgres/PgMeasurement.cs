using Vivido.Benchmarks.Transitions;

namespace Vivido.Benchmarks.Postgres;

/// <summary>
/// One measured segment: the rate (and this process's CPU per transition), plus per transition: the
/// round trips Npgsql made in this process (null when the replicas are other processes), the CPU of
/// PostgreSQL and of replica processes (null when not measurable), and the chain-head lock profile.
/// </summary>
internal sealed record PgMeasurement(
    LoadRate Rate,
    double? RoundTrips,
    double? PostgresCpuMicroseconds,
    double? ReplicaCpuMicroseconds,
    ChainLockProfile Lock);
