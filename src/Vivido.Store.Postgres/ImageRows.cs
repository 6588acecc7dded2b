using Npgsql;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

/// <summary>Reading images with their tags (tags sorted ordinally, as SQLite sorts them).</summary>
internal static class ImageRows
{
    /// <summary><see cref="ImageColumns.List"/> and, last, the image's tags as an array.</summary>
    public const string Columns =
        ImageColumns.List + ", ARRAY(SELECT t.tag FROM tags t WHERE t.image_id = i.id ORDER BY t.tag COLLATE \"C\")";

    /// <summary>The image named by parameter $1 (its digest).</summary>
    public const string SelectByDigest = $"SELECT {Columns} FROM images i WHERE i.digest = $1";

    public static StoredImage Map(NpgsqlDataReader r) => ImageColumns.Read(r, r.GetFieldValue<string[]>(9), PostgresTimeReader.Instance);

    /// <summary>The image with its tags, or null.</summary>
    public static Task<StoredImage?> FindAsync(NpgsqlConnection connection, string digest, CancellationToken cancellationToken) =>
        connection.Command(SelectByDigest).With(digest).FirstOrDefaultAsync(Map, cancellationToken);
}
