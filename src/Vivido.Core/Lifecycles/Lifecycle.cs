namespace Vivido.Core.Lifecycles;

/// <summary>
/// A validated lifecycle: states, the transition table, timers, admission rules and policies.
/// Obtain one from <see cref="LifecycleLoader"/>, which guarantees the invariants the lookups rely on
/// (one initial state, at most one transition per (state, event)).
/// </summary>
public sealed record Lifecycle(
    string Name,
    IReadOnlyList<StateDefinition> States,
    IReadOnlyList<TransitionDefinition> Transitions,
    IReadOnlyList<TimerDefinition> Timers,
    IReadOnlyList<AdmissionRule> AdmissionRules,
    RetentionPolicy Retention,
    OverridePolicy Overrides)
{
    /// <summary>Free text for people, from <c>metadata.description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Events fired on the digest a tag moved off (<c>on_tag_move</c>), in file order.</summary>
    public IReadOnlyList<TagMoveHook> TagMoveHooks { get; init; } = [];

    /// <summary>How scans move state and when re-scans are requested (<c>evidence</c>).</summary>
    public EvidencePolicy Evidence { get; init; } = EvidencePolicy.None;

    /// <summary>The state newly registered images start in.</summary>
    public string InitialState => States.First(s => s.Initial).Name;

    /// <summary>The states at most one image per repository may be in (<see cref="StateDefinition.Exclusive"/>), in file order.</summary>
    public IReadOnlyList<string> ExclusiveStates => States.Where(s => s.Exclusive).Select(s => s.Name).ToList();

    /// <summary>The state definition named <paramref name="state"/>, or null.</summary>
    public StateDefinition? State(string state) => States.FirstOrDefault(s => s.Name == state);

    /// <summary>True when the lifecycle declares <paramref name="state"/>.</summary>
    public bool HasState(string state) => State(state) is not null;

    /// <summary>True when <paramref name="state"/> is declared terminal.</summary>
    public bool IsTerminal(string state) => State(state)?.Terminal == true;

    /// <summary>The transition taken by <paramref name="eventName"/> from <paramref name="state"/>, or null.</summary>
    public TransitionDefinition? Find(string state, string eventName) =>
        Transitions.FirstOrDefault(t => t.Event == eventName && t.From.Contains(state));

    /// <summary>The events accepted from <paramref name="state"/>, in file order.</summary>
    public IReadOnlyList<string> EventsFrom(string state) =>
        Transitions.Where(t => t.From.Contains(state)).Select(t => t.Event).Distinct().ToList();

    /// <summary>The states images in <paramref name="namespaceName"/> may run, by the first matching rule; null when no rule matches.</summary>
    public IReadOnlyList<string>? AllowedStatesIn(string namespaceName) =>
        AdmissionRules.FirstOrDefault(r => r.Matches(namespaceName))?.Allow;
}
