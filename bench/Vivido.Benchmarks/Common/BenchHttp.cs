using System.Net.Http.Headers;

namespace Vivido.Benchmarks.Common;

/// <summary>The HTTP client every runner uses: keep-alive connections, no proxy, one connection per concurrent caller.</summary>
internal static class BenchHttp
{
    public static readonly MediaTypeHeaderValue Json = new("application/json");

    public static HttpClient CreateClient(Uri baseAddress, int connections, string token)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Sends the request and reads the whole body, as a real client must before reusing the connection.</summary>
    public static async Task<(int Status, int BodyBytes)> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, body.Length);
    }
}
