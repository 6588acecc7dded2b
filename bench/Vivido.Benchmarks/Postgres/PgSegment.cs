using Vivido.Benchmarks.Common;

namespace Vivido.Benchmarks.Postgres;

/// <summary>What one measured segment runs on: the cluster, a fresh database, a fresh folder, and the process's round-trip counter.</summary>
internal sealed record PgSegment(PgBenchCluster Cluster, PgBenchDatabase Database, TempDirectory Directory, NpgsqlRoundTrips RoundTrips);
