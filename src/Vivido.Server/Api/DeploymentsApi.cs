using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Deployments;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>/api/v1/deployments</c>, <c>/deployments/summary</c> and <c>/images/{digest}/deployments</c>: where digests run.</summary>
internal static class DeploymentsApi
{
    public static void MapDeploymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Deployments");
        api.MapPost("/deployments", ReportAsync).RequireAuthorization(Policies.ReportDeployment).AddEndpointFilter<IdempotencyFilter>().ProducesWriteProblems()
            .WithSummary("Record where a digest runs (environment, cluster, namespace, workload) and its status; first seen kept, last seen now");
        api.MapGet("/deployments/summary", SummaryAsync).RequireAuthorization(Policies.Read).ProducesReadProblems()
            .WithSummary("Deployment rows by status and rollbacks by outcome since a time (default 30 days ago), with success rates");
        api.MapGet("/images/{digest}/deployments", ListAsync).RequireAuthorization(Policies.Read).ProducesReadProblems()
            .WithSummary("Where the digest runs: environment, cluster, namespace, workload, status, first and last seen");
    }

    private static async Task<Results<Created<DeploymentDto>, ProblemHttpResult>> ReportAsync(
        DeploymentBody body, ClaimsPrincipal user, DeploymentService deployments, CancellationToken cancellationToken)
    {
        var result = await deployments.ReportAsync(user.ToCaller(), body.ToInput(), cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/images/{body.Digest}/deployments", DeploymentDto.From(body.Digest!, result.Value))
            : FailureProblems.Problem(result.Failure);
    }

    private static async Task<Results<Ok<ImageDeploymentsDto>, ProblemHttpResult>> ListAsync(
        string digest, ClaimsPrincipal user, DeploymentService deployments, CancellationToken cancellationToken) =>
        ApiResults.Ok(await deployments.ListAsync(user.ToCaller(), digest, cancellationToken), items => new ImageDeploymentsDto(digest, items));

    private static async Task<Results<Ok<DeploymentSummary>, ProblemHttpResult>> SummaryAsync(
        string? since, ClaimsPrincipal user, DeploymentService deployments, CancellationToken cancellationToken) =>
        ApiResults.Ok(await deployments.SummaryAsync(user.ToCaller(), since, cancellationToken), summary => summary);
}
