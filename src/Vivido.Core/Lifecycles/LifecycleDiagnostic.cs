namespace Vivido.Core.Lifecycles;

/// <summary>One problem found in a lifecycle or test-case file, at the line and column of the offending node.</summary>
/// <param name="Source">The file name as given by the caller.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong.</param>
public sealed record LifecycleDiagnostic(string Source, int Line, int Column, string Message)
{
    public override string ToString() => $"{Source}:{Line}:{Column}: {Message}";
}
