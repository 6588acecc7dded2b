using Microsoft.Data.Sqlite;
using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite;

/// <summary>Reading images and their tags.</summary>
internal static class ImageRows
{
    public const string Columns =
        "i.id, i.digest, i.repository, i.state, i.version, i.entered_state_at, i.registered_at, i.attributes, i.vetoed";

    public static StoredImage Map(SqliteDataReader r) => new(
        r.GetInt64(0),
        new ImageRecord(
            Digest: r.GetString(1),
            Repository: r.GetString(2),
            State: r.GetString(3),
            Version: r.GetInt64(4),
            EnteredStateAt: r.Time(5),
            Tags: [],
            Attributes: JsonColumns.ParseMap(r.GetString(7)),
            Vetoed: r.GetInt64(8) != 0,
            RegisteredAt: r.Time(6)));

    /// <summary>The image with its tags, or null.</summary>
    public static async Task<StoredImage?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, string digest, CancellationToken cancellationToken)
    {
        var found = await connection.Command($"SELECT {Columns} FROM images i WHERE i.digest = @digest", transaction)
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
