using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>Reading tags and tag moves (joined to their images for the digests).</summary>
public static class TagColumns
{
    /// <summary>The query every tag list starts with (aliases <c>t</c> and <c>i</c>); a store appends its WHERE and ORDER BY.</summary>
    public const string SelectTags =
        "SELECT t.repository, t.tag, i.digest, t.moved_at, t.moved_by FROM tags t JOIN images i ON i.id = t.image_id";

    /// <summary>The query every tag move read starts with (aliases <c>m</c>, <c>f</c> for the old image and <c>t</c> for the new).</summary>
    public const string SelectMoves =
        "SELECT m.id, m.repository, m.tag, f.digest, t.digest, m.actor, m.at FROM tag_moves m " +
        "JOIN images t ON t.id = m.to_image_id LEFT JOIN images f ON f.id = m.from_image_id";

    /// <summary>The tag in the current row of a <see cref="SelectTags"/>.</summary>
    public static TagRecord ReadTag(DbDataReader reader, TimeReader time) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), time.Read(reader, 3), reader.GetString(4));

    /// <summary>The move in the current row of a <see cref="SelectMoves"/> (or of a row with the same columns).</summary>
    public static TagMove ReadMove(DbDataReader reader, TimeReader time) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.NullableString(3), reader.GetString(4), reader.GetString(5),
        time.Read(reader, 6));
}
