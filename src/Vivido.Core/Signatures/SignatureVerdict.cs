namespace Vivido.Core.Signatures;

/// <summary>What <see cref="CosignVerifier"/> concluded about a digest's signatures.</summary>
/// <param name="Verified">True when at least one signature verified and names this digest and repository.</param>
/// <param name="VerifiedBy">The key names that verified such a signature, sorted; empty when not verified.</param>
/// <param name="Reason">A <see cref="SignatureReasons"/> value when not verified; null when verified.</param>
/// <param name="Identity">The chosen payload's <c>docker-reference</c>, or empty when no payload could be read.</param>
/// <param name="Payload">The chosen payload as text (the verified one, else the one that got furthest), for the raw evidence.</param>
/// <param name="Signatures">How many signatures were examined.</param>
public sealed record SignatureVerdict(bool Verified, IReadOnlyList<string> VerifiedBy, string? Reason, string Identity, string? Payload, int Signatures);
