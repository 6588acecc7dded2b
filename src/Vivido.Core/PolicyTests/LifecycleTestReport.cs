using Vivido.Core.Lifecycles;

namespace Vivido.Core.PolicyTests;

/// <summary>The result of running a policy test-case file: every case's outcome, or the problems that kept it from running.</summary>
/// <param name="Source">The cases file.</param>
/// <param name="LifecycleSource">The lifecycle the cases ran against (a path or the embedded default's name).</param>
/// <param name="Diagnostics">Problems in the cases file or the lifecycle; when any, no case ran.</param>
/// <param name="Cases">One result per case, in file order.</param>
public sealed record LifecycleTestReport(
    string Source,
    string LifecycleSource,
    IReadOnlyList<LifecycleDiagnostic> Diagnostics,
    IReadOnlyList<LifecycleTestCaseResult> Cases)
{
    public bool IsValid => Diagnostics.Count == 0;

    public int PassedCount => Cases.Count(c => c.Passed);

    public int FailedCount => Cases.Count(c => !c.Passed);

    /// <summary>True when the files are valid and every case passed.</summary>
    public bool Succeeded => IsValid && FailedCount == 0;
}
