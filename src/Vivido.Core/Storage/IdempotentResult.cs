namespace Vivido.Core.Storage;

/// <summary>The response stored for an <c>Idempotency-Key</c>, replayed when the same token sends the same key again.</summary>
/// <param name="TokenName">The token that sent the request (keys are scoped per token).</param>
/// <param name="Key">The Idempotency-Key header value.</param>
/// <param name="RequestHash">A fingerprint of the request (method, path, body) to detect a key reused for another request.</param>
/// <param name="Status">The HTTP status sent.</param>
/// <param name="Body">The response body sent.</param>
/// <param name="CreatedAt">When.</param>
public sealed record IdempotentResult(string TokenName, string Key, string RequestHash, int Status, string Body, DateTimeOffset CreatedAt);
