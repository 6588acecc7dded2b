using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>/api/v1/audit</c>: the whole history, and its hash-chain check.</summary>
internal static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit");
        audit.MapGet("", ReadAsync).RequireAuthorization(Policies.Read).ProducesReadProblems().WithSummary("History entries after seq 'since', in seq order");
        audit.MapGet("/verify", VerifyAsync).RequireAuthorization(Policies.Read).ProducesReadProblems().WithSummary("Verify the hash chain: {ok, entries, firstBadSeq}");
    }

    private static async Task<Results<Ok<AuditPageDto>, ProblemHttpResult>> ReadAsync(
        string? since, string? limit, ClaimsPrincipal user, AuditService audit, CancellationToken cancellationToken)
    {
        if (!RequestValues.TryLong(since, "since", out var after, out var bad) || !RequestValues.TryInt(limit, "limit", out var size, out bad))
        {
            return FailureProblems.Problem(bad!);
        }

        return ApiResults.Ok(await audit.ReadAsync(user.ToCaller(), after, size, cancellationToken), page => page.ToDto());
    }

    private static async Task<Results<Ok<AuditVerifyDto>, ProblemHttpResult>> VerifyAsync(
        ClaimsPrincipal user, AuditService audit, CancellationToken cancellationToken) =>
        ApiResults.Ok(await audit.VerifyAsync(user.ToCaller(), cancellationToken), verification => verification.ToDto());
}
