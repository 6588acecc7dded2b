using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vivido.Replicas.Tests.Support;

/// <summary>An admin HTTP client for one replica: every call returns the status and body, whatever they are.</summary>
internal sealed class ReplicaClient : IDisposable
{
    private readonly HttpClient _http;

    public ReplicaClient(string replicaId, Uri baseAddress, string token)
    {
        ReplicaId = replicaId;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public string ReplicaId { get; }

    public async Task<ApiReply> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    /// <summary>GET that must answer 200; returns the body.</summary>
    public async Task<JsonElement> GetOkAsync(string path)
    {
        var reply = await GetAsync(path);
        reply.Status.ShouldBe(200, $"GET {path} on {ReplicaId}: {reply}");
        return reply.Body;
    }

    public async Task<ApiReply> PostAsync(string path, object body, long? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        using var response = await _http.SendAsync(request);
        return await ReadAsync(response);
    }

    public Task<ApiReply> RegisterAsync(string repository, string digest, IReadOnlyDictionary<string, string>? attributes = null) =>
        PostAsync("/api/v1/images", attributes is null ? new { repository, digest } : new { repository, digest, attributes });

    public Task<ApiReply> FireAsync(string digest, string eventName, long? ifMatch = null) =>
        PostAsync($"/api/v1/images/{digest}/events", new { @event = eventName }, ifMatch);

    public Task<JsonElement> ImageAsync(string digest) => GetOkAsync($"/api/v1/images/{digest}");

    public async Task<IReadOnlyList<JsonElement>> HistoryAsync(string digest) => (await GetOkAsync($"/api/v1/images/{digest}/history")).Items();

    public void Dispose() => _http.Dispose();

    private static async Task<ApiReply> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = default(JsonElement);
        if (text.Length > 0)
        {
            using var document = JsonDocument.Parse(text);
            body = document.RootElement.Clone();
        }

        var retryAfter = response.Headers.RetryAfter?.Delta;
        return new ApiReply((int)response.StatusCode, body, retryAfter);
    }
}
