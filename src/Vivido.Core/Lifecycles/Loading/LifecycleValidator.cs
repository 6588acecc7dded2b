using Vivido.Core.Yaml;

namespace Vivido.Core.Lifecycles.Loading;

/// <summary>Checks the meaning of a parsed lifecycle: states, table, effects, timers, admission, reachability.</summary>
internal sealed class LifecycleValidator(LifecycleSyntax syntax, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, StateSyntax> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<(string State, string Event), TransitionSyntax> _table = [];

    public void Validate()
    {
        CheckStates();
        foreach (var transition in syntax.Transitions)
        {
            CheckTransition(transition);
        }

        foreach (var transition in syntax.Transitions)
        {
            CheckEffects(transition);
        }

        foreach (var timer in syntax.Timers)
        {
            CheckTimer(timer);
        }

        foreach (var state in syntax.Admission.SelectMany(rule => rule.Allow))
        {
            CheckKnown(state);
        }

        foreach (var hook in syntax.OnTagMove)
        {
            CheckTagMoveHook(hook);
        }

        if (syntax.Evidence is { } evidence)
        {
            CheckEvidence(evidence);
        }

        CheckReachability();
    }

    /// <summary>The source states of <paramref name="transition"/>: '*' means every non-terminal state other than a target.</summary>
    public static IEnumerable<(string State, Located Origin)> ExpandFrom(TransitionSyntax transition, IEnumerable<StateSyntax> states)
    {
        foreach (var from in transition.From)
        {
            if (from.Value != TransitionParser.AnyState)
            {
                yield return (from.Value, from);
                continue;
            }

            foreach (var state in states.Where(s => !s.Terminal && !transition.To.Any(t => t.Value == s.Name.Value)))
            {
                yield return (state.Name.Value, from);
            }
        }
    }

    private void CheckStates()
    {
        StateSyntax? initial = null;
        foreach (var state in syntax.States)
        {
            if (_states.TryGetValue(state.Name.Value, out var first))
            {
                diagnostics.Add(state.Name.Position, $"duplicate state '{state.Name.Value}' (first declared at line {first.Name.Position.Line})");
                continue;
            }

            _states.Add(state.Name.Value, state);
            CheckExclusive(state);
            if (state.InitialPosition is { } position)
            {
                if (initial is null)
                {
                    initial = state;
                }
                else
                {
                    diagnostics.Add(position, $"second initial state '{state.Name.Value}' ('{initial.Name.Value}' is already initial)");
                }
            }
        }

        if (initial is null)
        {
            diagnostics.Add(syntax.StatesPosition, "no initial state (mark one state with 'initial: true')");
        }
    }

    /// <summary>
    /// The database allows one image per repository in an exclusive state, so every image that starts in it
    /// (initial, entry) would collide, and one that reaches a terminal one would hold it forever.
    /// </summary>
    private void CheckExclusive(StateSyntax state)
    {
        if (state.ExclusivePosition is not { } position)
        {
            return;
        }

        var name = state.Name.Value;
        if (state.Initial)
        {
            diagnostics.Add(position, $"initial state '{name}' cannot be exclusive: every new image of a repository starts there");
        }
        else if (state.Entry is not null)
        {
            diagnostics.Add(position, $"entry state '{name}' cannot be exclusive: every imported image of a repository starts there");
        }
        else if (state.Terminal)
        {
            diagnostics.Add(position, $"terminal state '{name}' cannot be exclusive: the first image to reach it would hold it forever");
        }
    }

    private void CheckTransition(TransitionSyntax transition)
    {
        foreach (var target in transition.To)
        {
            CheckKnown(target);
        }

        foreach (var from in transition.From.Where(f => f.Value != TransitionParser.AnyState))
        {
            if (CheckKnown(from) is { Terminal: true } && transition.Event is not null)
            {
                diagnostics.Add(from.Position, $"event '{transition.Event.Value}' leaves terminal state '{from.Value}'");
            }
        }

        if (transition.Event is not { } eventName)
        {
            return;
        }

        var expanded = ExpandFrom(transition, _states.Values).Where(f => _states.ContainsKey(f.State));
        foreach (var (state, origin) in expanded.DistinctBy(f => f.State))
        {
            if (_table.TryGetValue((state, eventName.Value), out var earlier))
            {
                diagnostics.Add(origin.Position,
                    $"duplicate transition: event '{eventName.Value}' from '{state}' is already defined at line {earlier.Event!.Position.Line}");
            }
            else
            {
                _table.Add((state, eventName.Value), transition);
            }
        }
    }

    private void CheckEffects(TransitionSyntax transition)
    {
        foreach (var eventName in transition.Effects.Select(e => e.SupersedeEvent).OfType<Located>())
        {
            foreach (var target in transition.To.Where(t => _states.ContainsKey(t.Value)))
            {
                if (!_table.ContainsKey((target.Value, eventName.Value)))
                {
                    diagnostics.Add(eventName.Position, $"supersede event '{eventName.Value}' has no transition from '{target.Value}'");
                }
            }
        }
    }

    private void CheckTimer(TimerSyntax timer)
    {
        var state = CheckKnown(timer.State);
        if (state is null)
        {
            return;
        }

        var name = timer.State.Value;
        var eventName = timer.Event.Value;
        if (state.Terminal)
        {
            diagnostics.Add(timer.State.Position, $"timer on terminal state '{name}'");
        }
        else if (!_table.TryGetValue((name, eventName), out var transition) || transition.To.All(t => t.Value == name))
        {
            diagnostics.Add(timer.Event.Position, $"timer event '{eventName}' does not leave state '{name}'");
        }
        else if (transition.To.Count > 1)
        {
            diagnostics.Add(timer.Event.Position, $"timer event '{eventName}' has several targets; a timer cannot choose one");
        }
    }

    /// <summary>A hook names a declared event; its tag glob uses tag characters and '*' only.</summary>
    private void CheckTagMoveHook(TagMoveHookSyntax hook)
    {
        var tags = hook.Tags.Value;
        if (tags.Length is 0 or > 128 || !tags.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '*'))
        {
            diagnostics.Add(hook.Tags.Position, $"bad on_tag_move tags '{tags}' (a tag name or glob: letters, digits, '_', '.', '-' and '*')");
        }

        if (!syntax.Transitions.Any(t => t.Event?.Value == hook.Event.Value))
        {
            diagnostics.Add(hook.Event.Position, $"on_tag_move event '{hook.Event.Value}' is not declared by any transition");
        }
    }

    /// <summary>The critical-scan event is declared; re-scan states exist.</summary>
    private void CheckEvidence(EvidenceSyntax evidence)
    {
        if (evidence.OnCritical is { } onCritical && !syntax.Transitions.Any(t => t.Event?.Value == onCritical.Value))
        {
            diagnostics.Add(onCritical.Position, $"evidence on_critical event '{onCritical.Value}' is not declared by any transition");
        }

        foreach (var state in evidence.RescanStates ?? [])
        {
            CheckKnown(state);
        }
    }

    private void CheckReachability()
    {
        // Without one initial state, or with incomplete transitions, every verdict would be noise.
        var roots = _states.Values.Where(s => s.Initial || s.Entry is not null).ToList();
        if (!roots.Exists(s => s.Initial) || !syntax.Transitions.All(t => t.Complete))
        {
            return;
        }

        var reached = new HashSet<string>(roots.Select(s => s.Name.Value), StringComparer.Ordinal);
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var state))
        {
            foreach (var ((from, _), transition) in _table)
            {
                if (from != state)
                {
                    continue;
                }

                foreach (var target in transition.To.Where(t => _states.ContainsKey(t.Value) && reached.Add(t.Value)))
                {
                    queue.Enqueue(target.Value);
                }
            }
        }

        foreach (var state in _states.Values.Where(s => !reached.Contains(s.Name.Value)))
        {
            diagnostics.Add(state.Name.Position, $"state '{state.Name.Value}' is unreachable from the initial state or an entry state");
        }
    }

    private StateSyntax? CheckKnown(Located state)
    {
        if (_states.TryGetValue(state.Value, out var found))
        {
            return found;
        }

        diagnostics.Add(state.Position, $"unknown state '{state.Value}'");
        return null;
    }
}
