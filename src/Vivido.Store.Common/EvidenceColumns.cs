using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>Reading evidence records (joined to their image for the digest).</summary>
public static class EvidenceColumns
{
    /// <summary>
    /// The query every evidence list starts with (aliases <c>e</c> and <c>i</c>); a store appends its WHERE
    /// and ORDER BY. Compressed documents stay in the database; only a legacy (pre-0003) text document is
    /// read, so its hash and size can be computed.
    /// </summary>
    public const string Select =
        "SELECT e.id, i.digest, e.kind, e.fact, e.raw_sha256, e.raw_size, CASE WHEN e.raw_gzip IS NULL THEN e.raw_document END, " +
        "e.media_type, e.actor, e.at FROM evidence e JOIN images i ON i.id = e.image_id";

    /// <summary>The query <see cref="ReadRaw"/> expects; the store appends <c>WHERE e.id = ...</c>.</summary>
    public const string SelectRaw =
        "SELECT e.id, i.digest, e.kind, e.media_type, e.raw_gzip, e.raw_document FROM evidence e JOIN images i ON i.id = e.image_id";

    /// <summary>The record in the current row of a <see cref="Select"/>.</summary>
    public static EvidenceRecord Read(DbDataReader reader, TimeReader time)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(time);
        var kind = StorageNames.ParseEvidenceKind(reader.GetString(2));
        var sha = reader.NullableString(4);
        long? size = reader.IsDBNull(5) ? null : reader.GetInt64(5);
        if (sha is null && reader.NullableString(6) is { } legacy)
        {
            (sha, size) = RawDocuments.Describe(legacy);
        }

        return new EvidenceRecord(
            reader.GetInt64(0), reader.GetString(1), kind, JsonColumns.ParseFact(kind, reader.GetString(3)), sha, size,
            reader.NullableString(7), reader.GetString(8), time.Read(reader, 9));
    }

    /// <summary>The raw document in the current row of a <see cref="SelectRaw"/>, decompressed; null when the evidence kept none.</summary>
    public static RawEvidence? ReadRaw(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var gzip = reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4);
        var content = RawDocuments.Unpack(gzip, reader.NullableString(5));
        return content is null
            ? null
            : new RawEvidence(
                reader.GetInt64(0), reader.GetString(1), StorageNames.ParseEvidenceKind(reader.GetString(2)), reader.NullableString(3), content,
                RawDocuments.Sha256(content));
    }
}
