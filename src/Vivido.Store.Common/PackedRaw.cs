namespace Vivido.Store.Common;

/// <summary>A raw evidence document as the evidence table keeps it.</summary>
/// <param name="Gzip">The UTF-8 bytes, gzip-compressed.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the uncompressed UTF-8 bytes.</param>
/// <param name="Size">The uncompressed length in bytes.</param>
public sealed record PackedRaw(byte[] Gzip, string Sha256, long Size);
