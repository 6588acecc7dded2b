namespace Vivido.Core.Service;

/// <summary>A verification, as stored in the image's signature evidence.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Repository">Its repository.</param>
/// <param name="Verified">True when a configured key verified a signature naming this digest and repository.</param>
/// <param name="VerifiedBy">The key names that verified it, sorted.</param>
/// <param name="Reason">Why not, a <see cref="Signatures.SignatureReasons"/> value; null when verified.</param>
/// <param name="Identity">The signed <c>docker-reference</c>, or empty.</param>
/// <param name="Signatures">How many signatures were found.</param>
/// <param name="At">When it was verified.</param>
/// <param name="EvidenceId">The stored evidence row.</param>
public sealed record SignatureCheck(
    string Digest,
    string Repository,
    bool Verified,
    IReadOnlyList<string> VerifiedBy,
    string? Reason,
    string Identity,
    int Signatures,
    DateTimeOffset At,
    long EvidenceId);
