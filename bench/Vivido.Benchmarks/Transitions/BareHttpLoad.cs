using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vivido.Benchmarks.Common;
using Vivido.Benchmarks.Reads;

namespace Vivido.Benchmarks.Transitions;

/// <summary>
/// A diagnostic: the same clients POST the same bodies to a bare Kestrel endpoint that reads the body
/// and answers fixed JSON as large as a transition's answer. No auth, engine or store: the HTTP floor
/// of this machine, to separate plumbing from Vivido's own cost.
/// </summary>
internal static class BareHttpLoad
{
    /// <summary>About the size of Vivido's <c>{image, transition}</c> answer for the ping-pong lifecycle.</summary>
    public const int ResponseBytes = 700;

    public static async Task<LoadRate> MeasureAsync(TransitionSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        var answer = BareKestrelCeiling.FixedJson(ResponseBytes);
        app.MapPost("/api/v1/images/{digest}/events", (RequestDelegate)(context => AnswerAsync(context, answer)));
        await app.StartAsync().ConfigureAwait(false);
        await using (app.ConfigureAwait(false))
        {
            using var client = BenchHttp.CreateClient(new Uri(app.Urls.First()), settings.Clients, BenchServer.AdminSecret);
            var digests = Enumerable.Range(0, settings.Images).Select(i => BenchDigests.ForIndex("bench-bare-", i)).ToList();
            using var window = new LoadWindow();
            var loops = Enumerable.Range(0, settings.Clients).Select(c => Task.Run(() => HttpTransitionLoad.FlipAsync(client, settings.Owned(digests, c), window))).ToList();
            try
            {
                return await window.MeasureAsync(settings.Warmup, settings.Window).ConfigureAwait(false);
            }
            finally
            {
                await Task.WhenAll(loops).ConfigureAwait(false);
                await app.StopAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task AnswerAsync(HttpContext context, byte[] answer)
    {
        // Read the body as model binding would, then answer.
        var buffer = new byte[256];
        while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false) > 0)
        {
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
    }
}
