using Vivido.Core.Engine;

namespace Vivido.Core.PolicyTests;

/// <summary>What a case expects: accepted into a state, rejected by exactly a set of guards, or not allowed.</summary>
internal sealed record ExpectedOutcome(string? AcceptedState, IReadOnlyList<string>? RejectedGuards)
{
    public static ExpectedOutcome NotAllowedOutcome { get; } = new(null, null);

    public bool Matches(Decision decision) => decision switch
    {
        Accepted accepted => AcceptedState == accepted.To,
        Rejected rejected => RejectedGuards is not null
            && RejectedGuards.Order(StringComparer.Ordinal).SequenceEqual(rejected.Unmet.Select(u => u.Name).Order(StringComparer.Ordinal)),
        NotAllowed => AcceptedState is null && RejectedGuards is null,
        _ => false,
    };

    public override string ToString() =>
        AcceptedState is not null ? $"accepted {AcceptedState}"
        : RejectedGuards is not null ? $"rejected [{string.Join(", ", RejectedGuards)}]"
        : "not allowed";

    /// <summary>The decision in the words <see cref="ToString"/> uses, with evaluation errors spelled out.</summary>
    public static string Describe(Decision decision) => decision switch
    {
        Accepted accepted => $"accepted {accepted.To}",
        Rejected rejected => $"rejected [{string.Join(", ", rejected.Unmet.Select(u => u.Name))}]"
            + string.Concat(rejected.Unmet.Where(u => u.Error is not null).Select(u => $" ({u.Name}: {u.Error})")),
        NotAllowed notAllowed => $"not allowed (allowed from {notAllowed.From}: {string.Join(", ", notAllowed.AllowedEvents)})",
        _ => decision.ToString() ?? "",
    };
}
