using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vivido.Benchmarks.Reads;

/// <summary>
/// The reads ceiling: Kestrel on a free loopback port answering the same two routes with fixed JSON
/// bodies as large as Vivido's answers, without auth, services or a database.
/// </summary>
internal sealed class BareKestrelCeiling : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareKestrelCeiling(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<BareKestrelCeiling> StartAsync(int listBytes, int imageBytes)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        var list = FixedJson(listBytes);
        var image = FixedJson(imageBytes);
        app.MapGet("/api/v1/images", (RequestDelegate)(context => WriteAsync(context, list)));
        app.MapGet("/api/v1/images/{digest}", (RequestDelegate)(context => WriteAsync(context, image)));
        await app.StartAsync().ConfigureAwait(false);
        return new BareKestrelCeiling(app);
    }

    /// <summary>A JSON object of exactly <paramref name="bytes"/> bytes (or the smallest one, if fewer).</summary>
    public static byte[] FixedJson(int bytes)
    {
        const string Prefix = """{"items":[],"padding":""";
        const string Suffix = "\"}";
        return Encoding.UTF8.GetBytes(Prefix + new string('x', Math.Max(0, bytes - Prefix.Length - Suffix.Length)) + Suffix);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static Task WriteAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
