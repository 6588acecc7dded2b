using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<HistoryEntry>>(
            async connection => await connection
                .Command($"{HistoryColumns.Select} WHERE h.image_id = (SELECT id FROM images WHERE digest = $1) ORDER BY h.seq")
                .With(digest).ListAsync(r => HistoryColumns.Read(r, PostgresTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> ReadAuditAsync(long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireLimit(limit, nameof(limit));
        return _database.ReadAsync<IReadOnlyList<HistoryEntry>>(
            async connection => await connection
                .Command($"{HistoryColumns.Select} WHERE h.seq > $1 ORDER BY h.seq LIMIT $2")
                .With(afterSeq).With((long)limit).ListAsync(r => HistoryColumns.Read(r, PostgresTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            // One statement: one snapshot, streamed row by row in constant memory.
            connection => HistoryColumns.VerifyAsync(
                connection.Command($"{HistoryColumns.Select} ORDER BY h.seq"), PostgresTimeReader.Instance, cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxRecord>> ReadOutboxAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireLimit(limit, nameof(limit));
        return _database.ReadAsync<IReadOnlyList<OutboxRecord>>(
            async connection => await connection
                .Command($"SELECT {OutboxColumns.List} FROM outbox WHERE id > $1 ORDER BY id LIMIT $2")
                .With(afterId).With((long)limit)
                .ListAsync(r => OutboxColumns.Read(r, PostgresTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }
}
