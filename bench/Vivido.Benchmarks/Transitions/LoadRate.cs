namespace Vivido.Benchmarks.Transitions;

/// <summary>What a measured window yields: operations per second and this process's CPU time per operation (client and server together).</summary>
internal sealed record LoadRate(double PerSecond, double CpuMicrosecondsPerOperation);
