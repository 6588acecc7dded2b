namespace Vivido.Core.Storage;

/// <summary>The outcome of <see cref="IIdempotencyStore.ClaimIdempotencyKeyAsync"/>.</summary>
/// <param name="Outcome">Claimed: run the request. Completed: replay <paramref name="Result"/>. InProgress: another request with this key is running.</param>
/// <param name="Result">The stored result when <paramref name="Outcome"/> is Completed.</param>
/// <param name="RequestHash">The fingerprint of the request that holds or completed the key (to detect reuse for another request).</param>
public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, IdempotentResult? Result, string RequestHash);
