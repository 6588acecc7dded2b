namespace Vivido.Core.Lifecycles;

/// <summary>An outgoing notification on <paramref name="Topic"/> (e.g. <c>image.promoted</c>).</summary>
/// <param name="Topic">The notification topic.</param>
public sealed record NotifyEffect(string Topic) : Effect;
