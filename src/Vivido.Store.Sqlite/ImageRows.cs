using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

/// <summary>Reading images and their tags.</summary>
internal static class ImageRows
{
    /// <summary>An image row without its tags, which <see cref="FindAsync"/> and <see cref="WithTagsAsync"/> add.</summary>
    public static StoredImage Map(SqliteDataReader r) => ImageColumns.Read(r, [], SqliteTimeReader.Instance);

    /// <summary>The image with its tags, or null.</summary>
    public static async Task<StoredImage?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, string digest, CancellationToken cancellationToken)
    {
        var found = await connection.Command($"SELECT {ImageColumns.List} FROM images i WHERE i.digest = @digest", transaction)
            .With("@digest", digest).FirstOrDefaultAsync(Map, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var tags = await connection.Command("SELECT tag FROM tags WHERE image_id = @id ORDER BY tag", transaction)
            .With("@id", found.Id).ListAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        return found with { Image = found.Image with { Tags = tags } };
    }

    /// <summary>The images with their tags filled in, in the given order.</summary>
    public static async Task<IReadOnlyList<ImageRecord>> WithTagsAsync(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<StoredImage> images, CancellationToken cancellationToken)
    {
        if (images.Count == 0)
        {
            return [];
        }

        var command = connection.Command(string.Empty, transaction);
        var names = new List<string>(images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            names.Add("@i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            command.With(names[i], images[i].Id);
        }

        command.CommandText = $"SELECT image_id, tag FROM tags WHERE image_id IN ({string.Join(", ", names)}) ORDER BY tag";
        var tags = (await command.ListAsync(r => (Id: r.GetInt64(0), Tag: r.GetString(1)), cancellationToken).ConfigureAwait(false))
            .ToLookup(t => t.Id, t => t.Tag);
        return images.Select(s => s.Image with { Tags = tags[s.Id].ToList() }).ToList();
    }
}
