namespace Vivido.Core.Images;

/// <summary>The result of verifying the digest's signature.</summary>
/// <param name="Verified">True when a signature verified against a configured key and its payload names this digest and repository.</param>
/// <param name="Identity">The signed payload's <c>docker-reference</c> (or the signer identity another tool reported).</param>
/// <param name="At">When it was verified.</param>
/// <param name="VerifiedBy">The names of the configured keys that verified it; empty when not verified.</param>
/// <param name="Reason">Why it did not verify (<c>no-signature</c>, <c>bad-signature</c>, <c>digest-mismatch</c>, <c>reference-mismatch</c>, <c>malformed-payload</c>); null when verified.</param>
public sealed record SignatureFact(bool Verified, string Identity, DateTimeOffset At, IReadOnlyList<string>? VerifiedBy = null, string? Reason = null);
