using Vivido.Core.Storage;
using Vivido.Store.Common;

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
                return await connection.Command(TagColumns.SelectMoves + " WHERE m.id = @id", transaction)
                    .With("@id", moveId).FirstOrDefaultAsync(r => TagColumns.ReadMove(r, SqliteTimeReader.Instance), cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TagRecord>> ListTagsAsync(string repository, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return _database.ReadAsync<IReadOnlyList<TagRecord>>(
            async (connection, transaction) => await connection
                .Command(TagColumns.SelectTags + " WHERE t.repository = @r ORDER BY t.tag", transaction)
                .With("@r", repository).ListAsync(r => TagColumns.ReadTag(r, SqliteTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<TagRecord?> FindTagAsync(string repository, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(tag);
        return _database.ReadAsync(
            async (connection, transaction) => (await connection
                .Command(TagColumns.SelectTags + " WHERE t.repository = @r AND t.tag = @t", transaction)
                .With("@r", repository).With("@t", tag).ListAsync(r => TagColumns.ReadTag(r, SqliteTimeReader.Instance), cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TagMove>> ReadTagHistoryAsync(string repository, string? tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return _database.ReadAsync<IReadOnlyList<TagMove>>(
            async (connection, transaction) => await connection
                .Command(TagColumns.SelectMoves + (tag is null ? " WHERE m.repository = @r" : " WHERE m.repository = @r AND m.tag = @t") + " ORDER BY m.id", transaction)
                .With("@r", repository).With("@t", tag).ListAsync(r => TagColumns.ReadMove(r, SqliteTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }
}
