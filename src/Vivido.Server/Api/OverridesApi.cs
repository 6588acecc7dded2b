using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>/api/v1/images/{digest}/override</c>: admin overrides, with two-admin confirmation when the lifecycle asks for it.</summary>
internal static class OverridesApi
{
    public static void MapOverridesApi(this IEndpointRouteBuilder app)
    {
        var overrides = app.MapGroup("/api/v1/images/{digest}/override").WithTags("Overrides");
        overrides.MapPost("", OverrideAsync).RequireAuthorization(Policies.Admin).AddEndpointFilter<IdempotencyFilter>().ProducesWriteProblems()
            .WithSummary("Force a state (200), or record an override for a second admin (202); a second admin confirms with the same call");
        overrides.MapPost("/reject", RejectAsync).RequireAuthorization(Policies.Admin).AddEndpointFilter<IdempotencyFilter>().ProducesWriteProblems()
            .WithSummary("Reject the pending override");
        overrides.MapGet("", PendingAsync).RequireAuthorization(Policies.Read).ProducesReadProblems().WithSummary("Overrides awaiting confirmation");
    }

    private static async Task<Results<Ok<TransitionDto>, Accepted<PendingOverrideDto>, ProblemHttpResult>> OverrideAsync(
        string digest, OverrideBody body, ClaimsPrincipal user, OverrideService overrides, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!RequestValues.TryIfMatch(request, out var version, out var bad))
        {
            return FailureProblems.Problem(bad!);
        }

        var result = await overrides.OverrideAsync(user.ToCaller(), digest, body.To, body.Reason, version, cancellationToken);
        if (!result.Succeeded)
        {
            return FailureProblems.Problem(result.Failure);
        }

        return result.Value switch
        {
            { Committed: { } committed } => TypedResults.Ok(committed.ToDto()),
            { Pending: { } pending } => TypedResults.Accepted($"/api/v1/images/{digest}/override", pending.ToDto()),
            _ => throw new InvalidOperationException("an override outcome is committed or pending"),
        };
    }

    private static async Task<Results<Ok<PendingOverrideDto>, ProblemHttpResult>> RejectAsync(
        string digest, ReasonBody body, ClaimsPrincipal user, OverrideService overrides, CancellationToken cancellationToken) =>
        ApiResults.Ok(await overrides.RejectAsync(user.ToCaller(), digest, body.Reason, cancellationToken), o => o.ToDto());

    private static async Task<Results<Ok<ListDto<PendingOverrideDto>>, ProblemHttpResult>> PendingAsync(
        string digest, ClaimsPrincipal user, OverrideService overrides, CancellationToken cancellationToken) =>
        ApiResults.Ok(
            await overrides.PendingAsync(user.ToCaller(), digest, cancellationToken),
            list => new ListDto<PendingOverrideDto>(list.Select(o => o.ToDto()).ToList()));
}
