using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>Reading evidence records (joined to their image for the digest).</summary>
public static class EvidenceColumns
{
    /// <summary>The query every evidence list starts with (aliases <c>e</c> and <c>i</c>); a store appends its WHERE and ORDER BY.</summary>
    public const string Select =
        "SELECT e.id, i.digest, e.kind, e.fact, e.raw_document, e.media_type, e.actor, e.at FROM evidence e JOIN images i ON i.id = e.image_id";

    /// <summary>The record in the current row of a <see cref="Select"/>.</summary>
    public static EvidenceRecord Read(DbDataReader reader, TimeReader time)
    {
        var kind = StorageNames.ParseEvidenceKind(reader.GetString(2));
        return new EvidenceRecord(
            reader.GetInt64(0), reader.GetString(1), kind, JsonColumns.ParseFact(kind, reader.GetString(3)), reader.NullableString(4),
            reader.NullableString(5), reader.GetString(6), time.Read(reader, 7));
    }
}
