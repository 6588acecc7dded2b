namespace Vivido.Benchmarks.Admission;

/// <summary>
/// A closed-loop window: reviews per second, each measured review's latency in milliseconds, and this
/// process's CPU time per review (client and server together).
/// </summary>
internal sealed record ClosedLoopResult(double PerSecond, IReadOnlyList<double> Milliseconds, double CpuMicrosecondsPerReview);
