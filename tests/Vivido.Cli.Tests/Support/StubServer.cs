using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vivido.Cli.Tests.Support;

/// <summary>
/// A scripted HTTP server on a free loopback port (a fake for the client's retry tests): it answers each
/// request with the next scripted reply, repeating the last one, and records every request it saw.
/// </summary>
internal sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<StubRequest> _requests = new();
    private readonly IReadOnlyList<StubReply> _replies;

    private StubServer(IReadOnlyList<StubReply> replies)
    {
        _replies = replies;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(ReplyAsync);
    }

    public Uri Url => new(_app.Urls.First() + "/");

    public IReadOnlyList<StubRequest> Requests => [.. _requests];

    public static async Task<StubServer> StartAsync(params StubReply[] replies)
    {
        var server = new StubServer(replies);
        await server._app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReplyAsync(HttpContext context)
    {
        _requests.Enqueue(new StubRequest(context.Request.Method, context.Request.Path, context.Request.Headers["Idempotency-Key"].ToString()));
        var reply = _replies[Math.Min(_requests.Count, _replies.Count) - 1];
        if (reply.Status == StubReply.DropConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        context.Response.ContentType = reply.Status < 300 ? "application/json" : "application/problem+json";
        await context.Response.WriteAsync(reply.Body);
    }
}

/// <summary>One scripted answer; <see cref="DropConnection"/> closes the connection without one.</summary>
internal sealed record StubReply(int Status, string Body, string? RetryAfter = null)
{
    public const int DropConnection = -1;

    public static StubReply Unavailable(string? retryAfter = "0") =>
        new(503, """{"type":"urn:vivido:problem:store-unavailable","title":"Store unavailable","status":503,"detail":"the database cannot be reached; the write was not applied"}""", retryAfter);

    public static StubReply Ok(string body = """{"ok":true}""") => new(200, body);

    public static StubReply Drop() => new(DropConnection, string.Empty);
}

/// <summary>What the stub saw of one request.</summary>
internal sealed record StubRequest(string Method, string Path, string IdempotencyKey);
