using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task<TagMove?> MoveTagAsync(TagMoveRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _database.WriteAsync(
            async (connection, transaction) =>
            {
                var imageId = await connection.Command("SELECT id FROM images WHERE digest = @d AND repository = @r", transaction)
                    .With("@d", request.Digest).With("@r", request.Repository).ScalarInt64Async(cancellationToken).ConfigureAwait(false);
                if (imageId is null)
                {
                    return null;
                }

                var moveId = await TagRows.MoveAsync(connection, transaction, request.Repository, request.Tag, imageId.Value, request.Actor, request.At, cancellationToken)
                    .ConfigureAwait(false);
                return await connection.Command(TagRows.SelectMoves + " WHERE m.id = @id", transaction)
                    .With("@id", moveId).FirstOrDefaultAsync(TagRows.MapMove, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TagRecord>> ListTagsAsync(string repository, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return _database.ReadAsync<IReadOnlyList<TagRecord>>(
            async (connection, transaction) => await connection
                .Command(
                    "SELECT t.repository, t.tag, i.digest, t.moved_at, t.moved_by FROM tags t JOIN images i ON i.id = t.image_id " +
                    "WHERE t.repository = @r ORDER BY t.tag",
                    transaction)
                .With("@r", repository)
                .ListAsync(r => new TagRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.Time(3), r.GetString(4)), cancellationToken)
                .ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TagMove>> ReadTagHistoryAsync(string repository, string? tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return _database.ReadAsync<IReadOnlyList<TagMove>>(
            async (connection, transaction) => await connection
                .Command(TagRows.SelectMoves + (tag is null ? " WHERE m.repository = @r" : " WHERE m.repository = @r AND m.tag = @t") + " ORDER BY m.id", transaction)
                .With("@r", repository).With("@t", tag).ListAsync(TagRows.MapMove, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }
}
