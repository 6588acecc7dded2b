namespace Vivido.Core.Lifecycles;

/// <summary>The outcome of loading a lifecycle: the lifecycle when valid, otherwise every problem found.</summary>
/// <param name="Lifecycle">The lifecycle, or null when the file has problems.</param>
/// <param name="Diagnostics">Every problem, ordered by position.</param>
public sealed record LifecycleLoadResult(Lifecycle? Lifecycle, IReadOnlyList<LifecycleDiagnostic> Diagnostics)
{
    public bool IsValid => Lifecycle is not null && Diagnostics.Count == 0;
}
