using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Storage;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the store answers, migrations applied). No token needed.</summary>
internal static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthDto("ok"))).AllowAnonymous().WithTags("Health");
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().WithTags("Health");
    }

    private static async Task<Results<Ok<HealthDto>, ProblemHttpResult>> ReadyAsync(IVividoStore store, CancellationToken cancellationToken)
    {
        bool ready;
        try
        {
            ready = await store.IsReadyAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ready = false;
        }

        return ready
            ? TypedResults.Ok(new HealthDto("ready"))
            : TypedResults.Problem(ApiProblems.Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.NotReady, ApiProblems.TitleFor(503), "the store is unreachable or not migrated"));
    }
}
