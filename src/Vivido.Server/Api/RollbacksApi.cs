using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>POST /api/v1/rollbacks</c>.</summary>
internal static class RollbacksApi
{
    public static void MapRollbacksApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/rollbacks", RollbackAsync)
            .WithTags("Transitions")
            .RequireAuthorization(Policies.Rollback)
            .AddEndpointFilter<IdempotencyFilter>().ProducesWriteProblems()
            .WithSummary("Roll a repository back to a Deprecated digest (by default the most recent one passing the rollback guards)");

    private static async Task<Results<Ok<TransitionDto>, ProblemHttpResult>> RollbackAsync(
        RollbackBody body, ClaimsPrincipal user, RollbackService rollbacks, CancellationToken cancellationToken) =>
        ApiResults.Ok(
            await rollbacks.RollbackAsync(user.ToCaller(), body.Repository, body.ToDigest, body.Reason, body.Params, cancellationToken),
            transition => transition.ToDto());
}
