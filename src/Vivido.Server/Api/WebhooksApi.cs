using Vivido.Core.Lifecycles;
using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Server.Auth;
using Vivido.Server.Http;
using Vivido.Server.Webhooks;

namespace Vivido.Server.Api;

/// <summary><c>/webhooks/{distribution,harbor,github}</c>: registry and CI notifications in.</summary>
internal static class WebhooksApi
{
    public static void MapWebhooksApi(this WebApplication app, VividoServerOptions options)
    {
        var services = app.Services;
        var webhooks = new WebhookService(services.GetRequiredService<IVividoStore>(), services.GetRequiredService<Lifecycle>(), options.Time);
        var endpoints = new WebhookEndpoints(webhooks, options);
        var group = app.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapPost("/distribution", endpoints.DistributionAsync).RequireAuthorization(Policies.Register).ProducesWriteProblems()
            .WithSummary("CNCF Distribution notifications (Bearer token with the ci role): manifest pushes register images and move tags");
        group.MapPost("/harbor", endpoints.HarborAsync).AllowAnonymous().ProducesWriteProblems()
            .WithSummary("Harbor webhooks (Authorization = the shared secret): pushes, deletions, scan results");
        group.MapPost("/github", endpoints.GitHubAsync).AllowAnonymous().ProducesWriteProblems()
            .WithSummary("GitHub registry_package published (X-Hub-Signature-256): registers ghcr.io images");
    }
}
