using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task<TagMove?> MoveTagAsync(TagMoveRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _database.WriteAsync(
            async transaction =>
            {
                // Tag moves neither append history nor change versions: they take the tag's lock, not the chain's.
                var batch = transaction.Batch();
                await using (batch.ConfigureAwait(false))
                {
                    TagRows.AddMove(batch, request.Repository, request.Tag, request.Digest, request.Actor, request.At);
                    return await transaction.CommitAsync(
                        batch,
                        async reader =>
                        {
                            await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                            return await reader.FirstRowAsync(TagRows.MapMove, cancellationToken).ConfigureAwait(false);
                        },
                        cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TagRecord>> ListTagsAsync(string repository, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return _database.ReadAsync<IReadOnlyList<TagRecord>>(
            async connection => await connection
                .Command(
                    "SELECT t.repository, t.tag, i.digest, t.moved_at, t.moved_by FROM tags t JOIN images i ON i.id = t.image_id " +
                    "WHERE t.repository = $1 ORDER BY t.tag COLLATE \"C\"")
                .With(repository)
                .ListAsync(r => new TagRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.Time(3), r.GetString(4)), cancellationToken)
                .ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TagMove>> ReadTagHistoryAsync(string repository, string? tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return _database.ReadAsync<IReadOnlyList<TagMove>>(
            async connection => await connection
                .Command(TagRows.SelectMoves + " WHERE m.repository = $1 AND ($2::text IS NULL OR m.tag = $2) ORDER BY m.id")
                .With(repository).With(tag).ListAsync(TagRows.MapMove, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }
}
