namespace Vivido.Core.Storage;

/// <summary>An image whose timer came due: it has stayed in the timed state since <paramref name="EnteredStateAt"/>.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Version">Its version, for the compare-and-swap of the timer's transition.</param>
/// <param name="EnteredStateAt">When it entered the state; with the state and the event, this names the timer firing.</param>
public sealed record DueTimer(string Digest, long Version, DateTimeOffset EnteredStateAt);
