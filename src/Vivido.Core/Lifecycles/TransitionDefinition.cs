namespace Vivido.Core.Lifecycles;

/// <summary>One row of the transition table: an event that moves an image from any of <see cref="From"/> to one of <see cref="To"/>.</summary>
/// <param name="Event">The event name, e.g. <c>promote</c>.</param>
/// <param name="From">The source states, with <c>*</c> already expanded.</param>
/// <param name="To">The target states; with more than one, the caller picks with the parameter <c>to</c>.</param>
/// <param name="Description">Free text for people.</param>
/// <param name="Guards">Every guard must hold for the transition to be accepted.</param>
/// <param name="Effects">What the caller does after committing the transition.</param>
public sealed record TransitionDefinition(
    string Event,
    IReadOnlyList<string> From,
    IReadOnlyList<string> To,
    string? Description,
    IReadOnlyList<GuardDefinition> Guards,
    IReadOnlyList<Effect> Effects)
{
    /// <summary>True when the caller must choose the target state.</summary>
    public bool HasSeveralTargets => To.Count > 1;
}
