namespace Vivido.Core.PolicyTests;

/// <summary>The outcome of one policy test case.</summary>
/// <param name="Name">The case's name.</param>
/// <param name="Passed">True when the decision matched the expectation.</param>
/// <param name="Expected">The expectation, e.g. <c>accepted Scanned</c>, <c>rejected [scan-present]</c> or <c>not allowed</c>.</param>
/// <param name="Actual">The engine's decision, in the same words.</param>
public sealed record LifecycleTestCaseResult(string Name, bool Passed, string Expected, string Actual);
