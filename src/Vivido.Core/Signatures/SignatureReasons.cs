namespace Vivido.Core.Signatures;

/// <summary>Why a digest's signature did not verify: the stable strings stored in <see cref="Images.SignatureFact.Reason"/>.</summary>
public static class SignatureReasons
{
    /// <summary>No cosign signature was found for the digest.</summary>
    public const string NoSignature = "no-signature";

    /// <summary>No configured key verifies any signature found.</summary>
    public const string BadSignature = "bad-signature";

    /// <summary>A key verifies the payload but the payload is not a simple-signing document.</summary>
    public const string MalformedPayload = "malformed-payload";

    /// <summary>A key verifies the payload but it signs another digest.</summary>
    public const string DigestMismatch = "digest-mismatch";

    /// <summary>A key verifies the payload, for this digest, but under another repository.</summary>
    public const string ReferenceMismatch = "reference-mismatch";
}
