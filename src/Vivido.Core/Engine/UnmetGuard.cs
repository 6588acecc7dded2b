namespace Vivido.Core.Engine;

/// <summary>A guard that did not hold.</summary>
/// <param name="Name">The guard's name (or <c>target</c> for a missing or wrong target choice).</param>
/// <param name="Message">The guard's message, for people.</param>
/// <param name="Error">The CEL error text when the guard failed to evaluate, else null.</param>
public sealed record UnmetGuard(string Name, string Message, string? Error);
