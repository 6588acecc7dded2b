namespace Vivido.Core.Lifecycles;

/// <summary>The repository's other digests in the target state move on by <paramref name="EventName"/> (e.g. <c>superseded</c>).</summary>
/// <param name="EventName">The event fired on each superseded digest.</param>
public sealed record SupersedeEffect(string EventName) : Effect;
