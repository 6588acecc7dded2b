using Npgsql;
using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

/// <summary>Reading images with their tags (tags sorted ordinally, as SQLite sorts them).</summary>
internal static class ImageRows
{
    public const string Columns =
        "i.id, i.digest, i.repository, i.state, i.version, i.entered_state_at, i.registered_at, i.attributes, i.vetoed, " +
        "ARRAY(SELECT t.tag FROM tags t WHERE t.image_id = i.id ORDER BY t.tag COLLATE \"C\")";

    /// <summary>The image named by parameter $1 (its digest).</summary>
    public const string SelectByDigest = $"SELECT {Columns} FROM images i WHERE i.digest = $1";

    public static StoredImage Map(NpgsqlDataReader r) => new(
        r.GetInt64(0),
        new ImageRecord(
            Digest: r.GetString(1),
            Repository: r.GetString(2),
            State: r.GetString(3),
            Version: r.GetInt64(4),
            EnteredStateAt: r.Time(5),
            Tags: r.GetFieldValue<string[]>(9),
            Attributes: JsonColumns.ParseMap(r.GetString(7)),
            Vetoed: r.GetBoolean(8),
            RegisteredAt: r.Time(6)));

    /// <summary>The image with its tags, or null.</summary>
    public static Task<StoredImage?> FindAsync(NpgsqlConnection connection, string digest, CancellationToken cancellationToken) =>
        connection.Command(SelectByDigest).With(digest).FirstOrDefaultAsync(Map, cancellationToken);
}
