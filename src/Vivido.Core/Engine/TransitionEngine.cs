using Vivido.Cel;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles;

namespace Vivido.Core.Engine;

/// <summary>
/// Decides transitions from the lifecycle's table and guards. Pure: no I/O, time only from the
/// <see cref="TimeProvider"/>; the caller commits accepted decisions.
/// </summary>
public sealed class TransitionEngine
{
    private readonly Lifecycle _lifecycle;
    private readonly TimeProvider _time;

    public TransitionEngine(Lifecycle lifecycle, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _lifecycle = lifecycle;
        _time = time;
    }

    public Lifecycle Lifecycle => _lifecycle;

    /// <summary>Decides whether <paramref name="request"/> may move <paramref name="image"/>, naming every unmet guard when not.</summary>
    public Decision Decide(ImageSnapshot image, TransitionRequest request, RepositoryContext repository)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(repository);

        var transition = _lifecycle.Find(image.State, request.Event);
        if (transition is null)
        {
            return new NotAllowed(image.State, request.Event, _lifecycle.EventsFrom(image.State));
        }

        var context = GuardContext.Create(image, request, repository, _time.GetUtcNow());
        var unmet = new List<UnmetGuard>();
        foreach (var guard in transition.Guards)
        {
            if (Evaluate(guard, context) is { } failure)
            {
                unmet.Add(failure);
            }
        }

        var target = ChooseTarget(transition, request, unmet);
        return unmet.Count == 0 && target is not null
            ? new Accepted(image.State, target, request.Event, transition.Effects)
            : new Rejected(image.State, request.Event, unmet);
    }

    private static UnmetGuard? Evaluate(GuardDefinition guard, GuardContext context)
    {
        var result = guard.Program.Evaluate(context);
        return result.Kind switch
        {
            CelKind.Bool when result.AsBool() => null,
            CelKind.Bool => new UnmetGuard(guard.Name, guard.Message, null),
            CelKind.Error => new UnmetGuard(guard.Name, guard.Message, result.ErrorMessage),
            _ => new UnmetGuard(guard.Name, guard.Message, $"the guard returned {result.TypeName}, not bool"),
        };
    }

    /// <summary>A single target needs no choice; several need the parameter 'to' naming one of them.</summary>
    private static string? ChooseTarget(TransitionDefinition transition, TransitionRequest request, List<UnmetGuard> unmet)
    {
        var chosen = request.Params.GetValueOrDefault(TransitionRequest.TargetParam);
        if (chosen is null && !transition.HasSeveralTargets)
        {
            return transition.To[0];
        }

        if (chosen is not null && transition.To.Contains(chosen))
        {
            return chosen;
        }

        var options = string.Join(", ", transition.To);
        var message = chosen is null
            ? $"choose the target state with the parameter 'to': one of {options}"
            : $"'{chosen}' is not a target of '{transition.Event}': choose one of {options}";
        unmet.Add(new UnmetGuard("target", message, null));
        return null;
    }
}
