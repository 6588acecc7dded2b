namespace Vivido.Core.Storage;

/// <summary>A stored raw document, decompressed, as it was received.</summary>
/// <param name="Id">The evidence id.</param>
/// <param name="Digest">The image it is attached to.</param>
/// <param name="Kind">The evidence kind.</param>
/// <param name="MediaType">The media type it was received with.</param>
/// <param name="Content">The bytes as received.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of <paramref name="Content"/>.</param>
public sealed record RawEvidence(long Id, string Digest, EvidenceKind Kind, string? MediaType, byte[] Content, string Sha256);
