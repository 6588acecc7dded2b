namespace Vivido.Core.Images;

/// <summary>The result of verifying the digest's signature.</summary>
public sealed record SignatureFact(bool Verified, string Identity, DateTimeOffset At);
