namespace Vivido.Cel.Tests.Conformance;

/// <summary>How one conformance case ended.</summary>
internal enum ConformanceStatus
{
    Passed,
    Failed,
    Skipped,
}
