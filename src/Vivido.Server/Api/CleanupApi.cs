using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Cleanup;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Http;
using Vivido.Server.Jobs;

namespace Vivido.Server.Api;

/// <summary><c>GET /api/v1/cleanup/plan</c> (every role) and <c>POST /api/v1/cleanup</c> (admin): deleting Retired images from their registries.</summary>
internal static class CleanupApi
{
    public static void MapCleanupApi(this IEndpointRouteBuilder app)
    {
        var cleanup = app.MapGroup("/api/v1/cleanup").WithTags("Cleanup");
        cleanup.MapGet("/plan", PlanAsync).RequireAuthorization(Policies.Read).ProducesReadProblems()
            .WithSummary("What a cleanup would delete, and why every other image is kept");
        cleanup.MapPost("", RunAsync).RequireAuthorization(Policies.Admin).ProducesWriteProblems()
            .WithSummary("Delete exactly the planned Retired images from their registries and record each deletion in history");
    }

    private static async Task<Results<Ok<CleanupPlan>, ProblemHttpResult>> PlanAsync(
        string? at, ClaimsPrincipal user, CleanupService cleanup, CancellationToken cancellationToken)
    {
        DateTimeOffset? when = null;
        if (at is not null)
        {
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return ApiProblems.BadRequest("at", "'at' must be a time such as 2026-05-01T00:00:00Z");
            }

            when = parsed;
        }

        return RegistryProblems.Ok(await cleanup.PlanAsync(user.ToCaller(), when, cancellationToken));
    }

    private static async Task<Results<Ok<CleanupRun>, ProblemHttpResult>> RunAsync(
        ClaimsPrincipal user, CleanupService cleanup, JobsOptions jobs, CancellationToken cancellationToken) =>
        RegistryProblems.Ok(await cleanup.RunAsync(user.ToCaller(), jobs.ReplicaId, cancellationToken));
}
