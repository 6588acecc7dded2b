namespace Vivido.Core.Storage;

/// <summary>Reading and verifying the append-only history, and reading the outbox.</summary>
public interface IAuditStore
{
    /// <summary>The digest's entries (registration, accepted, rejected, override) in seq order; empty when unknown.</summary>
    Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(string digest, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> (1..1000) entries of every image with seq greater than <paramref name="afterSeq"/>, in seq order.</summary>
    Task<IReadOnlyList<HistoryEntry>> ReadAuditAsync(long afterSeq, int limit, CancellationToken cancellationToken = default);

    /// <summary>Checks the whole hash chain with <see cref="HistoryChain"/>.</summary>
    Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> (1..1000) outbox rows with id greater than <paramref name="afterId"/>, in id order.</summary>
    Task<IReadOnlyList<OutboxRecord>> ReadOutboxAsync(long afterId, int limit, CancellationToken cancellationToken = default);
}
