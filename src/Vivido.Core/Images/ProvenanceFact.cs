namespace Vivido.Core.Images;

/// <summary>Build provenance (in-toto / SLSA) and whether it verified.</summary>
public sealed record ProvenanceFact(string Builder, bool Verified, DateTimeOffset At);
