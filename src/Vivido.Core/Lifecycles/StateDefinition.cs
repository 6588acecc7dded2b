namespace Vivido.Core.Lifecycles;

/// <summary>One state of a lifecycle.</summary>
/// <param name="Name">Stable state name, e.g. <c>Active</c>.</param>
/// <param name="Initial">Where newly registered images start; exactly one state is initial.</param>
/// <param name="Terminal">No transition leaves a terminal state.</param>
/// <param name="Entry">When set, images may start here through that entry point (e.g. <c>import</c>).</param>
/// <param name="Description">Free text for people.</param>
/// <param name="Exclusive">At most one image per repository may be in this state (e.g. Active); the database enforces it.</param>
public sealed record StateDefinition(string Name, bool Initial, bool Terminal, string? Entry, string? Description, bool Exclusive = false);
