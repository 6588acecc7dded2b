namespace Vivido.Benchmarks.Common;

/// <summary>A runner was started with options it cannot use; the message says which.</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
