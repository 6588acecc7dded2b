using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vivido.Core.Storage;
using Vivido.Server.Contracts;

namespace Vivido.Server.Http;

/// <summary>
/// Honours <c>Idempotency-Key</c> on writes: the first 2xx response for (token, key) is stored and
/// replayed for every later request with the same key; the same key on a different request is a 422.
/// The key is claimed in the store before the request runs, so across every replica sharing the store
/// only one request per key runs at a time: a retry arriving while the original still runs gets 409
/// <c>idempotency-key-in-progress</c> with Retry-After. A failed request gives its claim back, so a retry runs again.
/// </summary>
internal sealed partial class IdempotencyFilter(IVividoStore store, TimeProvider time, ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>A claim older than this belongs to a request whose process died; another request may take it over.</summary>
    public static readonly TimeSpan AbandonAfter = TimeSpan.FromMinutes(5);

    /// <summary>Seconds a client should wait before retrying a key that is in progress.</summary>
    private const string InProgressRetryAfterSeconds = "1";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return await next(context).ConfigureAwait(false);
        }

        if (key.Length > 255 || key.Any(c => c < ' ' || c > '~'))
        {
            return ApiProblems.BadRequest(Header, "'Idempotency-Key' must be 1-255 printable ASCII characters");
        }

        var token = http.User.Identity?.Name ?? throw new InvalidOperationException("idempotency needs an authenticated request");
        var fingerprint = Fingerprint(context);
        var claim = await store.ClaimIdempotencyKeyAsync(token, key, fingerprint, time.GetUtcNow(), AbandonAfter, http.RequestAborted).ConfigureAwait(false);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Completed:
                return Replay(http, claim.Result!, fingerprint);
            case IdempotencyOutcome.InProgress when claim.RequestHash != fingerprint:
                return Reused();
            case IdempotencyOutcome.InProgress:
                http.Response.Headers.RetryAfter = InProgressRetryAfterSeconds;
                return TypedResults.Problem(ApiProblems.Create(
                    StatusCodes.Status409Conflict,
                    ProblemTypes.IdempotencyKeyInProgress,
                    "Idempotency-Key in progress",
                    "a request with this Idempotency-Key is still running; retry after the time in Retry-After to get its result",
                    [new("field", Header)]));
        }

        object? result;
        try
        {
            result = await next(context).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex) when (ex.OutcomeUnknown)
        {
            // The write may have committed: keep the key claimed so a retry waits (409) until the claim
            // is abandoned, rather than running the write a second time right away.
            throw;
        }
        catch
        {
            await ReleaseAsync(token, key).ConfigureAwait(false);
            throw;
        }

        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 and var status } || inner is not IValueHttpResult { Value: { } value })
        {
            // Errors are not stored: give the key back so a retry runs again.
            await ReleaseAsync(token, key).ConfigureAwait(false);
            return result;
        }

        var body = JsonSerializer.Serialize(value, value.GetType(), ApiJson.Options);
        IdempotentResult saved;
        try
        {
            saved = await store.SaveIdempotentResultAsync(
                new IdempotentResult(token, key, fingerprint, status, body, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            // The write itself committed: answer it. The claim stays until it is abandoned, so a retry
            // with this key within that time is told to wait instead of running the write twice.
            LogSaveFailed(logger, key, ex.Message.Split('\n')[0]);
            return result;
        }

        return saved.Body == body && saved.Status == status ? result : Replay(http, saved, fingerprint);
    }

    private static object Replay(HttpContext http, IdempotentResult stored, string fingerprint)
    {
        if (stored.RequestHash != fingerprint)
        {
            return Reused();
        }

        http.Response.Headers[ReplayedHeader] = "true";
        return new StoredJsonResult(stored.Status, stored.Body);
    }

    private static object Reused() =>
        TypedResults.Problem(ApiProblems.Create(
            StatusCodes.Status422UnprocessableEntity,
            ProblemTypes.IdempotencyKeyReused,
            "Idempotency-Key reused",
            "this Idempotency-Key was already used for a different request",
            [new("field", Header)]));

    /// <summary>Best effort: when the store is down, the claim is taken over once it counts as abandoned.</summary>
    private async Task ReleaseAsync(string token, string key)
    {
        try
        {
            await store.ReleaseIdempotencyKeyAsync(token, key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            LogReleaseFailed(logger, key, ex.Message.Split('\n')[0]);
        }
    }

    /// <summary>Method, path, query, If-Match and the bound request body: what makes two requests "the same".</summary>
    private static string Fingerprint(EndpointFilterInvocationContext context)
    {
        var request = context.HttpContext.Request;
        var text = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(request.Path.Value).Append('\n')
            .Append(request.QueryString.Value).Append('\n')
            .Append(request.Headers.IfMatch.ToString()).Append('\n');
        foreach (var argument in context.Arguments)
        {
            if (argument is not null && argument.GetType().Namespace == typeof(EventBody).Namespace)
            {
                text.Append(JsonSerializer.Serialize(argument, argument.GetType(), ApiJson.Options)).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give back Idempotency-Key {Key} after a failed request; it is free again once abandoned: {Reason}")]
    private static partial void LogReleaseFailed(ILogger logger, string key, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the result for Idempotency-Key {Key}; the write itself was applied: {Reason}")]
    private static partial void LogSaveFailed(ILogger logger, string key, string reason);
}
