namespace Vivido.Core.Evidence;

/// <summary>The transition evidence fired by itself (a critical finding firing <c>quarantine</c>), and how it ended.</summary>
/// <param name="Event">The event fired.</param>
/// <param name="Accepted">Whether the state changed.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after (= <paramref name="From"/> when refused).</param>
/// <param name="Reason">The reason recorded in history.</param>
/// <param name="Refusal">Why it was refused, when it was.</param>
/// <param name="UnmetGuards">The unmet guards' names, when refused by guards.</param>
public sealed record AutoTransition(string Event, bool Accepted, string From, string To, string Reason, string? Refusal, IReadOnlyList<string> UnmetGuards);
