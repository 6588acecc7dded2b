using Vivido.Benchmarks.Common;

namespace Vivido.Benchmarks.Admission;

/// <summary>
/// An open-loop window: latencies measured from each review's scheduled send time (so a stall delays
/// every review scheduled behind it, as it would a real API server's), how late the sends left, and the
/// rate the answers actually arrived at.
/// </summary>
internal sealed record OpenLoopResult(LatencySummary Latency, LatencySummary DispatchLag, double AnsweredPerSecond);
