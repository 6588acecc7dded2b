using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vivido.Cli;

/// <summary>
/// The HTTP plumbing of the client verbs: bearer token, JSON or byte-for-byte bodies, one-line errors for network failures.
/// Every write carries an <c>Idempotency-Key</c> (the caller's, else one generated per request), so a
/// request the server was unavailable for (503), too busy for (429), or still running from an earlier
/// attempt (409 idempotency-key-in-progress), or that the connection dropped, is retried with the same
/// key: it takes effect at most once.
/// </summary>
internal sealed class VividoClient : IDisposable
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>How long one request may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts, whatever Retry-After says.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly int _retries;
    private readonly TimeProvider _time;

    /// <param name="settings">Server, token and retries.</param>
    /// <param name="time">Waits between attempts and reads Retry-After dates; tests pass a clock whose waits are instant.</param>
    public VividoClient(ClientSettings settings, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _http = new HttpClient { BaseAddress = settings.Server, Timeout = Timeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
        _retries = settings.Retries;
        _time = time ?? TimeProvider.System;
    }

    public Uri Server => _http.BaseAddress!;

    /// <summary>Sends one request, retrying transient failures; <paramref name="path"/> is relative to the server (no leading slash).</summary>
    public async Task<ApiResponse> SendAsync(
        HttpMethod method, string path, object? body, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        Func<HttpContent?> content = () => body is null ? null : JsonContent.Create(body, body.GetType(), options: BodyJson);
        return (await SendWithRetriesAsync(method, path, content, headers, cancellationToken).ConfigureAwait(false)).AsText();
    }

    /// <summary>
    /// As <see cref="SendAsync"/> for bodies that are not JSON objects: <paramref name="body"/> (when not null) is sent
    /// byte for byte as <paramref name="contentType"/>, and the answer is kept as bytes (a raw document, a tar).
    /// </summary>
    public Task<ByteResponse> SendBytesAsync(HttpMethod method, string path, byte[]? body, string? contentType, CancellationToken cancellationToken)
    {
        HttpContent? Content()
        {
            if (body is null)
            {
                return null;
            }

            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/octet-stream");
            return content;
        }

        return SendWithRetriesAsync(method, path, Content, null, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<ByteResponse> SendWithRetriesAsync(
        HttpMethod method, string path, Func<HttpContent?> content, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        var sent = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        if (method != HttpMethod.Get && method != HttpMethod.Head && !sent.ContainsKey(IdempotencyHeader))
        {
            sent[IdempotencyHeader] = "vivido-cli-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }

        for (var attempt = 1; ; attempt++)
        {
            var last = attempt > _retries;
            TimeSpan? retryAfter;
            try
            {
                var (response, wait) = await SendOnceAsync(method, path, content, sent, cancellationToken).ConfigureAwait(false);
                if (last || !RetryPolicy.IsRetryable(response.AsText()))
                {
                    return response;
                }

                retryAfter = wait;
            }
            catch (HttpRequestException ex) when (!last && RetryPolicy.IsTransient(ex))
            {
                retryAfter = null;
            }
            catch (HttpRequestException ex)
            {
                throw new CliException($"cannot reach the server at {Server}: {ex.Message}{Attempts(attempt)}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliException($"the server at {Server} did not answer within {Timeout.TotalSeconds:0} seconds");
            }

            await Task.Delay(RetryPolicy.Delay(attempt, retryAfter, MaxRetryDelay), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(ByteResponse Response, TimeSpan? RetryAfter)> SendOnceAsync(
        HttpMethod method, string path, Func<HttpContent?> content, Dictionary<string, string> headers, CancellationToken cancellationToken)
    {
        // A request message can be sent once only: every attempt builds its own.
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content() };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return (new ByteResponse((int)response.StatusCode, bytes, response.Content.Headers.ContentType?.MediaType), retryAfter);
    }

    private string Attempts(int attempt) => attempt > 1 ? $" (after {attempt} attempts)" : string.Empty;
}
