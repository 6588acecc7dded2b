namespace Vivido.Core.Storage;

/// <summary>A veto: the digest must never be promoted or rolled back to again without an override.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Actor">The token name.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record VetoRecord(string Digest, string Actor, string Reason, DateTimeOffset At);
