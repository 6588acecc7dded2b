using System.Collections.Concurrent;

namespace Vivido.Registry.Tests;

/// <summary>Answers requests with a function and records them (method, URL, Authorization), for unit tests.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public ConcurrentQueue<(HttpMethod Method, string Url, string? Authorization)> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.Method, request.RequestUri!.ToString(), request.Headers.Authorization?.ToString()));
        var response = respond(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
