using Vivido.Core.Lifecycles;

namespace Vivido.Core.Engine;

/// <summary>Every guard holds: the image moves from <paramref name="From"/> to <paramref name="To"/>, and the caller applies <paramref name="Effects"/>.</summary>
public sealed record Accepted(string From, string To, string Event, IReadOnlyList<Effect> Effects) : Decision;
