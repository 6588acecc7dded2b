using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Vivido.Server.Tests.Support;

/// <summary>Sends requests to the test server as one token (or none).</summary>
internal sealed class ApiClient(HttpClient http, string? token)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body = null, IReadOnlyDictionary<string, string>? headers = null, bool expectContinue = false)
    {
        // With Expect: 100-continue a client learns of a 413 before sending the body, as well-behaved large uploads do.
        using var request = new HttpRequestMessage(method, path) { Headers = { ExpectContinue = expectContinue } };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Content = body switch
        {
            null => null,
            string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
            HttpContent content => content,
            _ => JsonContent.Create(body, body.GetType(), options: Json),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Post, path, body, headers);

    public Task<HttpResponseMessage> PutAsync(string path, object? body) => SendAsync(HttpMethod.Put, path, body);

    /// <summary>GET that must answer 200; returns the body.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        return await response.ShouldBeJsonAsync(200);
    }

    /// <summary>POST that must answer <paramref name="status"/>; returns the body.</summary>
    public async Task<JsonElement> PostJsonAsync(string path, object? body, int status = 200, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var response = await PostAsync(path, body, headers);
        return await response.ShouldBeJsonAsync(status);
    }
}
