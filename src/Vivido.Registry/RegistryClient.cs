using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Vivido.Registry;

/// <summary>
/// An OCI distribution client for one registry host (get one from <see cref="RegistryClientFactory"/>): anonymous, basic and
/// bearer-token auth, paginated lists, manifests, blobs, referrers and deletes. Failures throw <see cref="RegistryException"/>.
/// GET and HEAD are retried with backoff on 429, 502, 503, 504 and connection errors.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    private const int MaxErrorBody = 4096;
    private readonly HttpClient _http;
    private readonly RegistryAuthenticator _auth;
    private readonly RegistryRetryOptions _retry;
    private readonly TimeProvider _time;

    internal RegistryClient(RegistryHostSettings settings, HttpMessageHandler handler, TimeProvider time, RegistryRetryOptions retry)
    {
        Settings = settings;
        _time = time;
        _retry = retry;
        _http = new HttpClient(handler, disposeHandler: false) { BaseAddress = settings.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _auth = new RegistryAuthenticator(settings, time);
    }

    /// <summary>The host this client talks to and how.</summary>
    public RegistryHostSettings Settings { get; }

    /// <summary>The registry host, e.g. <c>127.0.0.1:5000</c>.</summary>
    public string Host => Settings.Host;

    /// <summary><c>GET /v2/</c>: succeeds when the registry answers and accepts the configured credentials.</summary>
    public async Task PingAsync(CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "v2/", null, string.Empty, "ping", ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, null, "ping", ct).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Sends a request, answering auth challenges once, and retrying GET/HEAD on 429/502/503/504/connection errors.
    /// The caller owns the response; errors other than those above are returned for the caller to interpret.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? accept, string scope, string what, CancellationToken ct, string? repository = null)
    {
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Head;
        var authRetried = false;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            request.Headers.Authorization = await _auth.HeaderAsync(_http, scope, ct).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                if (idempotent && attempt < _retry.MaxAttempts)
                {
                    await Task.Delay(_retry.DelayBefore(attempt, null), _time, ct).ConfigureAwait(false);
                    continue;
                }

                throw new RegistryException($"{Where(repository)}: {what}: unreachable: {e.Message}", null, e);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && !authRetried
                && _auth.Learn(response, scope, request.Headers.Authorization is not null))
            {
                authRetried = true;
                response.Dispose();
                attempt--;
                continue;
            }

            if (idempotent && attempt < _retry.MaxAttempts && IsTransient(response.StatusCode))
            {
                var delay = _retry.DelayBefore(attempt, RetryAfter(response));
                response.Dispose();
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
                continue;
            }

            return response;
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _time.GetUtcNow() : null;
    }

    /// <summary>Throws a one-line <see cref="RegistryException"/> unless the response succeeded.</summary>
    private async Task EnsureSuccessAsync(HttpResponseMessage response, string? repository, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        throw await ErrorAsync(response, repository, what, ct).ConfigureAwait(false);
    }

    private async Task<RegistryException> ErrorAsync(HttpResponseMessage response, string? repository, string what, CancellationToken ct)
    {
        var status = response.StatusCode;
        var detail = await ErrorDetailAsync(response, ct).ConfigureAwait(false);
        var hint = status switch
        {
            HttpStatusCode.Unauthorized => Settings.HasCredentials ? " (credentials refused)" : " (no credentials configured for this registry)",
            HttpStatusCode.Forbidden => " (access denied)",
            HttpStatusCode.NotFound => " (not found)",
            HttpStatusCode.TooManyRequests => " (rate limited; retries exhausted)",
            >= HttpStatusCode.InternalServerError => " (registry error)",
            _ => string.Empty,
        };
        return new RegistryException($"{Where(repository)}: {what}: {(int)status} {response.ReasonPhrase}{hint}{detail}", status);
    }

    private string Where(string? repository) => repository is null ? $"registry {Host}" : $"registry {Host}, repository {repository}";

    /// <summary>The first entry of the registry's <c>{"errors":[{"code","message"}]}</c> body, as <c>: CODE message</c>.</summary>
    private static async Task<string> ErrorDetailAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var body = await ReadCappedAsync(response, MaxErrorBody, ct).ConfigureAwait(false);
            if (body is null || body.Length == 0)
            {
                return string.Empty;
            }

            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = first.TryGetProperty("message", out var m) ? m.GetString() : null;
                return ": " + string.Join(' ', new[] { code, message }.Where(s => !string.IsNullOrWhiteSpace(s))).ReplaceLineEndings(" ");
            }
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
            // The detail is a courtesy; the status line already says what failed.
        }

        return string.Empty;
    }

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpResponseMessage response, long maxBytes, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
        {
            return null;
        }

        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static string Scope(string repository, string actions) => $"repository:{repository}:{actions}";

    private static string AcceptManifests => string.Join(", ", MediaTypes.Manifests);

    private static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}
