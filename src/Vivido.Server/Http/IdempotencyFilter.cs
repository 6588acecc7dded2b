using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vivido.Core.Storage;
using Vivido.Server.Contracts;

namespace Vivido.Server.Http;

/// <summary>
/// Honours <c>Idempotency-Key</c> on writes: the first 2xx response for (token, key) is stored and
/// replayed for every later request with the same key; the same key on a different request is a 422.
/// Requests with one key run one at a time, so a retry racing the original cannot run twice.
/// </summary>
internal sealed class IdempotencyFilter(IVividoStore store, TimeProvider time, KeyedLock locks) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

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
        using var held = await locks.AcquireAsync(token + "\n" + key, http.RequestAborted).ConfigureAwait(false);
        var stored = await store.FindIdempotentResultAsync(token, key, http.RequestAborted).ConfigureAwait(false);
        if (stored is not null)
        {
            return Replay(http, stored, fingerprint);
        }

        var result = await next(context).ConfigureAwait(false);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 and var status } || inner is not IValueHttpResult { Value: { } value })
        {
            return result;
        }

        var body = JsonSerializer.Serialize(value, value.GetType(), ApiJson.Options);
        var saved = await store.SaveIdempotentResultAsync(
            new IdempotentResult(token, key, fingerprint, status, body, time.GetUtcNow()), http.RequestAborted).ConfigureAwait(false);
        return saved.Body == body && saved.Status == status ? result : Replay(http, saved, fingerprint);
    }

    private static object Replay(HttpContext http, IdempotentResult stored, string fingerprint)
    {
        if (stored.RequestHash != fingerprint)
        {
            return TypedResults.Problem(ApiProblems.Create(
                StatusCodes.Status422UnprocessableEntity,
                ProblemTypes.IdempotencyKeyReused,
                "Idempotency-Key reused",
                "this Idempotency-Key was already used for a different request",
                [new("field", Header)]));
        }

        http.Response.Headers[ReplayedHeader] = "true";
        return new StoredJsonResult(stored.Status, stored.Body);
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
}
