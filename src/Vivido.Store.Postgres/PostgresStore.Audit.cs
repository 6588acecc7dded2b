using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(string digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _database.ReadAsync<IReadOnlyList<HistoryEntry>>(
            async connection => await connection
                .Command($"{HistoryRows.Select} WHERE h.image_id = (SELECT id FROM images WHERE digest = $1) ORDER BY h.seq")
                .With(digest).ListAsync(HistoryRows.Map, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> ReadAuditAsync(long afterSeq, int limit, CancellationToken cancellationToken = default)
    {
        RequireLimit(limit, nameof(limit));
        return _database.ReadAsync<IReadOnlyList<HistoryEntry>>(
            async connection => await connection
                .Command($"{HistoryRows.Select} WHERE h.seq > $1 ORDER BY h.seq LIMIT $2")
                .With(afterSeq).With((long)limit).ListAsync(HistoryRows.Map, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            async connection =>
            {
                // One statement: one snapshot, streamed row by row in constant memory.
                var verifier = new HistoryChainVerifier();
                var command = connection.Command($"{HistoryRows.Select} ORDER BY h.seq");
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
            async connection => await connection
                .Command("SELECT id, seq, topic, payload, created_at FROM outbox WHERE id > $1 ORDER BY id LIMIT $2")
                .With(afterId).With((long)limit)
                .ListAsync(r => new OutboxRecord(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.Time(4)), cancellationToken)
                .ConfigureAwait(false),
            cancellationToken);
    }
}
