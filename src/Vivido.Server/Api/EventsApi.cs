using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>POST /api/v1/images/{digest}/events</c>: fire a lifecycle event.</summary>
internal static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/images/{digest}/events", FireAsync)
            .WithTags("Transitions")
            .RequireAuthorization(Policies.FireEvent)
            .AddEndpointFilter<IdempotencyFilter>().ProducesWriteProblems()
            .WithSummary("Fire an event; honours If-Match (409 on mismatch) and Idempotency-Key");

    private static async Task<Results<Ok<TransitionDto>, ProblemHttpResult>> FireAsync(
        string digest, EventBody body, ClaimsPrincipal user, TransitionService transitions, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!RequestValues.TryIfMatch(request, out var version, out var bad))
        {
            return FailureProblems.Problem(bad!);
        }

        var result = await transitions.FireEventAsync(user.ToCaller(), digest, body.Event, body.Reason, body.Params, version, cancellationToken);
        if (result.Succeeded)
        {
            request.HttpContext.Response.Headers.ETag = RequestValues.ETag(result.Value.Image.Version);
        }

        return ApiResults.Ok(result, transition => transition.ToDto());
    }
}
