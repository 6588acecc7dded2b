namespace Vivido.Core.Lifecycles;

/// <summary>How admin overrides are confirmed.</summary>
/// <param name="Confirmations">1: the admin's own word; 2: a second, different admin must confirm.</param>
public sealed record OverridePolicy(int Confirmations)
{
    /// <summary>One confirmation.</summary>
    public static OverridePolicy Default { get; } = new(1);
}
