namespace Vivido.Core.Storage;

/// <summary>A named lease on a unit of background work, held by one replica until it expires or is released.</summary>
/// <param name="Name">The work, e.g. <c>timers</c>.</param>
/// <param name="Holder">The replica holding it, e.g. <c>host:pid</c>.</param>
/// <param name="AcquiredAt">When the holder first took it (kept across renewals).</param>
/// <param name="ExpiresAt">When another replica may take it unless it is renewed.</param>
public sealed record Lease(string Name, string Holder, DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt);
