namespace Vivido.Core.Storage;

/// <summary>Stored responses for <c>Idempotency-Key</c>, scoped per token.</summary>
public interface IIdempotencyStore
{
    /// <summary>The result saved for (token name, key), or null.</summary>
    Task<IdempotentResult?> FindIdempotentResultAsync(string tokenName, string key, CancellationToken cancellationToken = default);

    /// <summary>Saves the result unless one exists for (token name, key); returns the one stored (the first one wins).</summary>
    Task<IdempotentResult> SaveIdempotentResultAsync(IdempotentResult result, CancellationToken cancellationToken = default);
}
