using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>The columns of an image row (table alias <c>i</c>) and how to read them.</summary>
public static class ImageColumns
{
    /// <summary>The columns <see cref="Read"/> expects first, in order.</summary>
    public const string List =
        "i.id, i.digest, i.repository, i.state, i.version, i.entered_state_at, i.registered_at, i.attributes, i.vetoed";

    /// <summary>The image in the current row (columns as <see cref="List"/>), with the tags the store read for it.</summary>
    public static StoredImage Read(DbDataReader reader, IReadOnlyList<string> tags, TimeReader time) => new(
        reader.GetInt64(0),
        new ImageRecord(
            Digest: reader.GetString(1),
            Repository: reader.GetString(2),
            State: reader.GetString(3),
            Version: reader.GetInt64(4),
            EnteredStateAt: time.Read(reader, 5),
            Tags: tags,
            Attributes: JsonColumns.ParseMap(reader.GetString(7)),
            Vetoed: reader.GetBoolean(8),
            RegisteredAt: time.Read(reader, 6)));
}
