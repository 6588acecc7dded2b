namespace Vivido.Core.Lifecycles.Loading;

/// <summary>Builds the public model from a parsed lifecycle that validated without problems.</summary>
internal static class LifecycleAssembler
{
    public static Lifecycle Build(LifecycleSyntax syntax)
    {
        var states = syntax.States
            .Select(s => new StateDefinition(s.Name.Value, s.Initial, s.Terminal, s.Entry, s.Description, s.Exclusive))
            .ToList();
        var transitions = syntax.Transitions
            .Select(t => new TransitionDefinition(
                t.Event!.Value,
                LifecycleValidator.ExpandFrom(t, syntax.States).Select(f => f.State).Distinct().ToList(),
                t.To.Select(to => to.Value).ToList(),
                t.Description,
                t.Guards.Select(g => new GuardDefinition(g.Name.Value, g.Expression, g.Message, g.Program!)).ToList(),
                t.Effects.Select(e => e.Effect).ToList()))
            .ToList();
        return new Lifecycle(
            syntax.Name,
            states,
            transitions,
            syntax.Timers.Select(t => new TimerDefinition(t.State.Value, t.After, t.Event.Value)).ToList(),
            syntax.Admission.Select(a => new AdmissionRule(a.Namespaces, a.Allow.Select(s => s.Value).ToList())).ToList(),
            syntax.Retention,
            syntax.Overrides)
        {
            Description = syntax.Description,
            TagMoveHooks = syntax.OnTagMove.Select(h => new TagMoveHook(h.Tags.Value, h.Event.Value)).ToList(),
            Evidence = syntax.Evidence is { } evidence
                ? new EvidencePolicy(
                    evidence.OnCritical?.Value,
                    evidence.RescanAfter,
                    evidence.RescanStates?.Select(s => s.Value).ToList() ?? EvidencePolicy.None.RescanStates,
                    evidence.Weights)
                : EvidencePolicy.None,
        };
    }
}
