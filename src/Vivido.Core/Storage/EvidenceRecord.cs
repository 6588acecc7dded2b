namespace Vivido.Core.Storage;

/// <summary>Stored evidence.</summary>
/// <param name="Id">Position in the evidence table, increasing.</param>
/// <param name="Digest">The image.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Fact">The normalised fact (the record type matching <paramref name="Kind"/>).</param>
/// <param name="RawSha256">Lowercase hex SHA-256 of the raw document (UTF-8), when one was kept; read it with <see cref="IEvidenceStore.ReadRawEvidenceAsync"/>.</param>
/// <param name="RawSize">The raw document's size in bytes, uncompressed.</param>
/// <param name="MediaType">Its media type.</param>
/// <param name="Actor">Who attached it.</param>
/// <param name="At">When.</param>
public sealed record EvidenceRecord(long Id, string Digest, EvidenceKind Kind, object Fact, string? RawSha256, long? RawSize, string? MediaType, string Actor, DateTimeOffset At);
