namespace Vivido.Core.Engine;

/// <summary>The transition exists but guards do not hold; <paramref name="Unmet"/> names every one of them.</summary>
public sealed record Rejected(string From, string Event, IReadOnlyList<UnmetGuard> Unmet) : Decision;
