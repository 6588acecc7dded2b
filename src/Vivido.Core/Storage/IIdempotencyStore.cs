namespace Vivido.Core.Storage;

/// <summary>
/// Stored responses for <c>Idempotency-Key</c>, scoped per token. A key is claimed before its request
/// runs, so two replicas receiving the same key at once cannot both run it.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims (token name, key) for a request with fingerprint <paramref name="requestHash"/>: Claimed when
    /// the key is new (or its earlier claim is older than <paramref name="abandonAfter"/>, i.e. its
    /// process died), Completed with the stored result, or InProgress. Atomic across processes.
    /// </summary>
    Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(string tokenName, string key, string requestHash, DateTimeOffset at, TimeSpan abandonAfter, CancellationToken cancellationToken = default);

    /// <summary>Drops an unfinished claim (the request failed, so a retry must run again). Completed results are kept.</summary>
    Task ReleaseIdempotencyKeyAsync(string tokenName, string key, CancellationToken cancellationToken = default);

    /// <summary>The completed result saved for (token name, key), or null.</summary>
    Task<IdempotentResult?> FindIdempotentResultAsync(string tokenName, string key, CancellationToken cancellationToken = default);

    /// <summary>Completes the claim with the result, or saves it when there was no claim, unless a completed result exists; returns the one stored (the first one wins).</summary>
    Task<IdempotentResult> SaveIdempotentResultAsync(IdempotentResult result, CancellationToken cancellationToken = default);
}
