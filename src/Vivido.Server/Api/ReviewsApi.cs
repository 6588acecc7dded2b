using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>/api/v1/images/{digest}/approvals</c> and <c>/veto</c>.</summary>
internal static class ReviewsApi
{
    public static void MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var image = app.MapGroup("/api/v1/images/{digest}").WithTags("Reviews");
        image.MapPost("/approvals", ApproveAsync).RequireAuthorization(Policies.Approve).AddEndpointFilter<IdempotencyFilter>().ProducesWriteProblems()
            .WithSummary("Approve the digest acting in a role (e.g. release-manager)");
        image.MapPost("/veto", VetoAsync).RequireAuthorization(Policies.Veto).AddEndpointFilter<IdempotencyFilter>().ProducesWriteProblems()
            .WithSummary("Veto the digest: flagged for good and moved to Quarantined");
    }

    private static async Task<Results<Created<ApprovalDto>, ProblemHttpResult>> ApproveAsync(
        string digest, ApprovalBody body, ClaimsPrincipal user, ReviewService reviews, CancellationToken cancellationToken)
    {
        var result = await reviews.ApproveAsync(user.ToCaller(), digest, body.Role, body.Comment, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/images/{digest}", result.Value.ToDto())
            : FailureProblems.Problem(result.Failure);
    }

    private static async Task<Results<Ok<VetoDto>, ProblemHttpResult>> VetoAsync(
        string digest, ReasonBody body, ClaimsPrincipal user, ReviewService reviews, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!RequestValues.TryIfMatch(request, out var version, out var bad))
        {
            return FailureProblems.Problem(bad!);
        }

        return ApiResults.Ok(await reviews.VetoAsync(user.ToCaller(), digest, body.Reason, version, cancellationToken), veto => veto.ToDto());
    }
}
