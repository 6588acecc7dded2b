namespace Vivido.Core.Engine;

/// <summary>Who asks for a transition, and the roles they hold.</summary>
public sealed record Actor(string Name, IReadOnlyList<string> Roles);
