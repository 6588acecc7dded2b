using Vivido.Cel;
using Vivido.Core.Yaml;

namespace Vivido.Core.Lifecycles.Loading;

/// <summary>A lifecycle file as read, with the positions validation reports at. Missing parts are null or empty.</summary>
internal sealed record LifecycleSyntax(
    string Name,
    string? Description,
    SourcePosition StatesPosition,
    IReadOnlyList<StateSyntax> States,
    IReadOnlyList<TransitionSyntax> Transitions,
    IReadOnlyList<TimerSyntax> Timers,
    IReadOnlyList<AdmissionSyntax> Admission,
    RetentionPolicy Retention,
    OverridePolicy Overrides)
{
    /// <summary>The <c>on_tag_move</c> hooks.</summary>
    public IReadOnlyList<TagMoveHookSyntax> OnTagMove { get; init; } = [];

    /// <summary>The <c>evidence</c> section; null when absent.</summary>
    public EvidenceSyntax? Evidence { get; init; }
}

internal sealed record StateSyntax(
    Located Name, SourcePosition? InitialPosition, bool Terminal, string? Entry, string? Description, SourcePosition? ExclusivePosition = null)
{
    public bool Initial => InitialPosition is not null;

    public bool Exclusive => ExclusivePosition is not null;
}

/// <summary>A transition; <see cref="Complete"/> is false when event, from or to could not be read.</summary>
internal sealed record TransitionSyntax(
    Located? Event,
    IReadOnlyList<Located> From,
    IReadOnlyList<Located> To,
    string? Description,
    IReadOnlyList<GuardSyntax> Guards,
    IReadOnlyList<EffectSyntax> Effects)
{
    public bool Complete => Event is not null && From.Count > 0 && To.Count > 0;
}

/// <summary>A guard; <see cref="Program"/> is null when it did not compile.</summary>
internal sealed record GuardSyntax(Located Name, string Expression, string Message, CelProgram? Program);

/// <summary>An effect; <see cref="SupersedeEvent"/> is set for supersede effects, whose event must exist.</summary>
internal sealed record EffectSyntax(Effect Effect, Located? SupersedeEvent);

internal sealed record TimerSyntax(Located State, TimeSpan After, Located Event);

internal sealed record AdmissionSyntax(string Namespaces, IReadOnlyList<Located> Allow);

internal sealed record TagMoveHookSyntax(Located Tags, Located Event);

/// <summary>The <c>evidence</c> section, with the positions of the names validation checks.</summary>
internal sealed record EvidenceSyntax(Located? OnCritical, TimeSpan? RescanAfter, IReadOnlyList<Located>? RescanStates, Vivido.Evidence.ScoreWeights Weights);
