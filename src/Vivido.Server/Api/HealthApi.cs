using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Storage;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the store answers, migrations applied). No token needed.</summary>
internal static class HealthApi
{
    /// <summary>A store that takes longer to answer counts as not ready: load balancers probe often and must not queue.</summary>
    public static readonly TimeSpan ReadyBudget = TimeSpan.FromSeconds(2);

    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthDto("ok"))).AllowAnonymous().WithTags("Health");
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous().WithTags("Health");
    }

    private static async Task<Results<Ok<HealthDto>, ProblemHttpResult>> ReadyAsync(IVividoStore store, CancellationToken cancellationToken)
    {
        bool ready;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(ReadyBudget);
        try
        {
            // WaitAsync also bounds a store that does not honour cancellation.
            ready = await store.IsReadyAsync(budget.Token).WaitAsync(budget.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ready = false;
        }

        return ready
            ? TypedResults.Ok(new HealthDto("ready"))
            : TypedResults.Problem(ApiProblems.Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.NotReady, ApiProblems.TitleFor(503), "the store is unreachable or not migrated"));
    }
}
