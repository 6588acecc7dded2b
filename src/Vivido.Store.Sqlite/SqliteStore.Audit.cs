using Vivido.Core.Storage;

namespace Vivido.Store.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<HistoryEntry>>(
            async (connection, transaction) => await connection
                .Command($"{HistoryRows.Select} WHERE h.image_id = (SELECT id FROM images WHERE digest = @digest) ORDER BY h.seq", transaction)
                .With("@digest", digest).ListAsync(HistoryRows.Map, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> ReadAuditAsync(long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        RequireLimit(limit, nameof(limit));
        return _database.ReadAsync<IReadOnlyList<HistoryEntry>>(
            async (connection, transaction) => await connection
                .Command($"{HistoryRows.Select} WHERE h.seq > @after ORDER BY h.seq LIMIT @limit", transaction)
                .With("@after", afterSeq).With("@limit", limit).ListAsync(HistoryRows.Map, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            async (connection, transaction) =>
            {
                // Streamed in one read transaction: one consistent snapshot, constant memory.
                var verifier = new HistoryChainVerifier();
                var command = connection.Command($"{HistoryRows.Select} ORDER BY h.seq", transaction);
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            verifier.Add(HistoryRows.Map(reader));
                        }
                    }
                }

                return verifier.Result;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxRecord>> ReadOutboxAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        RequireLimit(limit, nameof(limit));
        return _database.ReadAsync<IReadOnlyList<OutboxRecord>>(
            async (connection, transaction) => await connection
                .Command("SELECT id, seq, topic, payload, created_at FROM outbox WHERE id > @after ORDER BY id LIMIT @limit", transaction)
                .With("@after", afterId).With("@limit", limit)
                .ListAsync(r => new OutboxRecord(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.Time(4)), cancellationToken)
                .ConfigureAwait(false),
            cancellationToken);
    }
}
