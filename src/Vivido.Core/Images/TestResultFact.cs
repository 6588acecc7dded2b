namespace Vivido.Core.Images;

/// <summary>One test suite's result against the digest.</summary>
public sealed record TestResultFact(string Suite, bool Passed, DateTimeOffset At);
