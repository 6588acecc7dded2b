using Microsoft.Data.Sqlite;

namespace Vivido.Store.Sqlite;

/// <summary>Tag moves inside a write transaction.</summary>
internal static class TagRows
{
    private const string Upsert =
        "INSERT INTO tags (repository, tag, image_id, moved_at, moved_by) VALUES (@r, @t, @image, @at, @actor) " +
        "ON CONFLICT (repository, tag) DO UPDATE SET image_id = excluded.image_id, moved_at = excluded.moved_at, moved_by = excluded.moved_by";

    private const string Record =
        "INSERT INTO tag_moves (repository, tag, from_image_id, to_image_id, actor, at) VALUES (@r, @t, @from, @to, @actor, @at) RETURNING id";

    /// <summary>Points the tag at the image and records the move; returns the move's id.</summary>
    public static async Task<long> MoveAsync(
        SqliteConnection connection, SqliteTransaction transaction, string repository, string tag, long imageId,
        string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var from = await connection.Command("SELECT image_id FROM tags WHERE repository = @r AND tag = @t", transaction)
            .With("@r", repository).With("@t", tag).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
        var micros = Micros.FromTime(at);
        await connection.Command(Upsert, transaction)
            .With("@r", repository).With("@t", tag).With("@image", imageId).With("@at", micros).With("@actor", actor)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return await connection.Command(Record, transaction)
            .With("@r", repository).With("@t", tag).With("@from", from).With("@to", imageId).With("@actor", actor).With("@at", micros)
            .ScalarInt64Async(cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("INSERT returned no id");
    }
}
