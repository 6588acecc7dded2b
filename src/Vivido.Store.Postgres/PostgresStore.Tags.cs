using Vivido.Core.Storage;
using Vivido.Store.Common;

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
                            return await reader.FirstRowAsync(r => TagColumns.ReadMove(r, PostgresTimeReader.Instance), cancellationToken).ConfigureAwait(false);
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
                .Command(TagColumns.SelectTags + " WHERE t.repository = $1 ORDER BY t.tag COLLATE \"C\"")
                .With(repository).ListAsync(r => TagColumns.ReadTag(r, PostgresTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<TagRecord?> FindTagAsync(string repository, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(tag);
        return _database.ReadAsync(
            async connection => (await connection
                .Command(TagColumns.SelectTags + " WHERE t.repository = $1 AND t.tag = $2")
                .With(repository).With(tag).ListAsync(r => TagColumns.ReadTag(r, PostgresTimeReader.Instance), cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TagMove>> ReadTagHistoryAsync(string repository, string? tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return _database.ReadAsync<IReadOnlyList<TagMove>>(
            async connection => await connection
                .Command(TagColumns.SelectMoves + " WHERE m.repository = $1 AND ($2::text IS NULL OR m.tag = $2) ORDER BY m.id")
                .With(repository).With(tag).ListAsync(r => TagColumns.ReadMove(r, PostgresTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }
}
