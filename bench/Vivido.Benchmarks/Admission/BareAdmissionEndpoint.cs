using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vivido.Benchmarks.Admission;

/// <summary>
/// The ceiling: Kestrel in this process answering <c>POST /admission/validate</c> with a fixed body (Vivido's
/// own answer to the same review, byte for byte) after reading the request, without auth, parsing or a store.
/// </summary>
internal sealed class BareAdmissionEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareAdmissionEndpoint(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<BareAdmissionEndpoint> StartAsync(byte[] answer)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        app.MapPost(ReviewPost.Path, (RequestDelegate)(context => AnswerAsync(context, answer)));
        await app.StartAsync().ConfigureAwait(false);
        return new BareAdmissionEndpoint(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task AnswerAsync(HttpContext context, byte[] answer)
    {
        var buffer = new byte[4096];
        while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false) > 0)
        {
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
    }
}
