using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Http;
using Vivido.Server.Jobs;

namespace Vivido.Server.Api;

/// <summary><c>/api/v1/jobs</c>: which replica holds each background-job lease (admin).</summary>
internal static class JobsApi
{
    public static void MapJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs").WithTags("Jobs").RequireAuthorization(Policies.Admin);
        jobs.MapGet("", ListAsync).ProducesReadProblems().WithSummary("The background-job leases, their holders, and the replica answering");
    }

    private static async Task<Results<Ok<JobsDto>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, JobsService jobs, JobsOptions options, CancellationToken cancellationToken) =>
        ApiResults.Ok(
            await jobs.ListLeasesAsync(user.ToCaller(), cancellationToken),
            leases => new JobsDto(
                options.ReplicaId,
                options.RunJobs,
                leases.Select(s => new LeaseDto(s.Lease.Name, s.Lease.Holder, s.Lease.AcquiredAt, s.Lease.ExpiresAt, s.Active)).ToList()));
}
