using Vivido.Core.Storage;
using Vivido.Store.Common;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<HistoryEntry>>(
            async (connection, transaction) => await connection
                .Command($"{HistoryColumns.Select} WHERE h.image_id = (SELECT id FROM images WHERE digest = @digest) ORDER BY h.seq", transaction)
                .With("@digest", digest).ListAsync(r => HistoryColumns.Read(r, SqliteTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> ReadAuditAsync(long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireLimit(limit, nameof(limit));
        return _database.ReadAsync<IReadOnlyList<HistoryEntry>>(
            async (connection, transaction) => await connection
                .Command($"{HistoryColumns.Select} WHERE h.seq > @after ORDER BY h.seq LIMIT @limit", transaction)
                .With("@after", afterSeq).With("@limit", limit).ListAsync(r => HistoryColumns.Read(r, SqliteTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            // Streamed in one read transaction: one consistent snapshot, constant memory.
            (connection, transaction) => HistoryColumns.VerifyAsync(
                connection.Command($"{HistoryColumns.Select} ORDER BY h.seq", transaction), SqliteTimeReader.Instance, cancellationToken),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxRecord>> ReadOutboxAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        StoreArguments.RequireLimit(limit, nameof(limit));
        return _database.ReadAsync<IReadOnlyList<OutboxRecord>>(
            async (connection, transaction) => await connection
                .Command($"SELECT {OutboxColumns.List} FROM outbox WHERE id > @after ORDER BY id LIMIT @limit", transaction)
                .With("@after", afterId).With("@limit", limit)
                .ListAsync(r => OutboxColumns.Read(r, SqliteTimeReader.Instance), cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }
}
