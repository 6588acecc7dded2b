namespace Vivido.Core.Lifecycles;

/// <summary>Fires <paramref name="Event"/> on an image that has stayed in <paramref name="State"/> for <paramref name="After"/>.</summary>
/// <param name="State">The state being timed.</param>
/// <param name="After">How long an image may stay before the event fires.</param>
/// <param name="Event">The event fired; it leaves <paramref name="State"/>.</param>
public sealed record TimerDefinition(string State, TimeSpan After, string Event);
