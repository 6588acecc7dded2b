using System.Net.Sockets;
using System.Text.Json;

namespace Vivido.Cli;

/// <summary>Which failures the client retries (with the same Idempotency-Key), and how long it waits in between.</summary>
internal static class RetryPolicy
{
    private const string KeyInProgress = "urn:vivido:problem:idempotency-key-in-progress";

    /// <summary>503 (store unavailable, not ready), 429, and 409 for a key whose earlier attempt is still running.</summary>
    public static bool IsRetryable(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Status switch
        {
            503 or 429 => true,
            409 => ProblemType(response.Body) == KeyInProgress,
            _ => false,
        };
    }

    /// <summary>The connection was refused, reset or closed before an answer: the server may not have seen the request, or its answer was lost.</summary>
    public static bool IsTransient(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded)
        {
            return true;
        }

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.ConnectionAborted })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Retry-After when the server sent one, else 1 s, 2 s, 4 s …; never negative, never over <paramref name="max"/>.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter, TimeSpan max)
    {
        var delay = retryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, Math.Min(attempt - 1, 10)));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > max ? max : delay;
    }

    private static string? ProblemType(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
