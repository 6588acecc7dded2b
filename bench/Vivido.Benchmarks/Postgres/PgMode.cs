using Vivido.Benchmarks.Transitions;

namespace Vivido.Benchmarks.Postgres;

/// <summary>One mode of <c>pg-transitions</c>: its key for <c>--modes</c>, its name in the report, and how to measure a segment.</summary>
internal sealed record PgMode(string Key, string Name, Func<TransitionSettings, PgSegment, Task<PgMeasurement>> Measure);
