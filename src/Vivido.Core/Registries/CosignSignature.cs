namespace Vivido.Core.Registries;

/// <summary>One cosign signature found for a digest: the signed payload and its signature.</summary>
/// <param name="Payload">The simple-signing payload blob, byte for byte as signed.</param>
/// <param name="Signature">The base64 signature from the layer's <c>dev.cosignproject.cosign/signature</c> annotation.</param>
/// <param name="Source">Where it was found, for people: <c>tag sha256-….sig</c> or <c>referrer sha256:…</c>.</param>
public sealed record CosignSignature(byte[] Payload, string Signature, string Source);
