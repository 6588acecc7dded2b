using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Vivido.Registry;

/// <summary>
/// Answers registry challenges for one host: Basic with the configured credentials, or the token flow (GET the realm with
/// service and scope, with Basic credentials when configured), caching each scope's token until its <c>expires_in</c>.
/// </summary>
internal sealed class RegistryAuthenticator
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);
    private const int MaxTokenResponse = 1024 * 1024;

    private readonly RegistryHostSettings _settings;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Task<CachedToken>> _tokens = new(StringComparer.Ordinal);
    private volatile AuthChallenge? _bearer;
    private volatile bool _basic;

    public RegistryAuthenticator(RegistryHostSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
    }

    /// <summary>The header to send up front for <paramref name="scope"/>, once the registry's scheme is known.</summary>
    public async Task<AuthenticationHeaderValue?> HeaderAsync(HttpClient http, string scope, CancellationToken cancellationToken)
    {
        if (_basic)
        {
            return Basic();
        }

        if (_bearer is { } challenge)
        {
            var token = await TokenAsync(http, challenge, scope, cancellationToken).ConfigureAwait(false);
            return new AuthenticationHeaderValue("Bearer", token);
        }

        return null;
    }

    /// <summary>Learns from a 401: true when a retry with credentials or a (new) token may succeed.</summary>
    public bool Learn(HttpResponseMessage response, string scope, bool hadHeader)
    {
        var challenge = AuthChallenge.From(response.Headers);
        if (challenge is null)
        {
            return false;
        }

        if (challenge.IsBasic)
        {
            if (!_settings.HasCredentials || _basic)
            {
                return false;
            }

            _basic = true;
            return true;
        }

        if (challenge.Realm is null)
        {
            return false;
        }

        var known = _bearer;
        _bearer = challenge with { Scope = null };
        if (hadHeader && known is not null)
        {
            // A token was refused: drop it so the retry fetches a fresh one, but only once per request.
            _tokens.TryRemove(scope, out _);
        }

        return true;
    }

    private AuthenticationHeaderValue? Basic() =>
        _settings.HasCredentials
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_settings.Username}:{_settings.Password}")))
            : null;

    private async Task<string> TokenAsync(HttpClient http, AuthChallenge challenge, string scope, CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = _tokens.GetOrAdd(scope, s => FetchAsync(http, challenge, s));
            CachedToken token;
            try
            {
                token = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _tokens.TryRemove(new KeyValuePair<string, Task<CachedToken>>(scope, pending));
                throw;
            }

            if (token.ExpiresAt > _time.GetUtcNow())
            {
                return token.Value;
            }

            _tokens.TryRemove(new KeyValuePair<string, Task<CachedToken>>(scope, pending));
        }
    }

    private async Task<CachedToken> FetchAsync(HttpClient http, AuthChallenge challenge, string scope)
    {
        var query = new List<string>();
        if (challenge.Service is not null)
        {
            query.Add("service=" + Uri.EscapeDataString(challenge.Service));
        }

        if (scope.Length > 0)
        {
            query.Add("scope=" + Uri.EscapeDataString(scope));
        }

        var realm = challenge.Realm!;
        var uri = new Uri(realm + (query.Count == 0 ? string.Empty : (realm.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', query)));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = Basic();
        var requested = _time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryException($"registry {_settings.Host}: token service {uri.GetLeftPart(UriPartial.Path)} unreachable: {e.Message}", null, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var why = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " (check the username and password)" : string.Empty;
                throw new RegistryException(
                    $"registry {_settings.Host}: token service refused scope '{scope}': {(int)response.StatusCode} {response.ReasonPhrase}{why}",
                    response.StatusCode);
            }

            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (bytes.Length > MaxTokenResponse)
            {
                throw new RegistryException($"registry {_settings.Host}: token response larger than {MaxTokenResponse} bytes", response.StatusCode);
            }

            return Parse(bytes, requested);
        }
    }

    private CachedToken Parse(byte[] bytes, DateTimeOffset requested)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var token = root.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
                : root.TryGetProperty("access_token", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()
                : null;
            if (string.IsNullOrEmpty(token))
            {
                throw new RegistryException($"registry {_settings.Host}: token response has no token");
            }

            var lifetime = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : DefaultLifetime;
            var margin = lifetime > Margin * 2 ? Margin : TimeSpan.Zero;
            return new CachedToken(token, requested + lifetime - margin);
        }
        catch (JsonException e)
        {
            throw new RegistryException($"registry {_settings.Host}: token response is not JSON: {e.Message}", e);
        }
    }

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt)
    {
        public override string ToString() => "token until " + ExpiresAt.ToString("O", CultureInfo.InvariantCulture);
    }
}
