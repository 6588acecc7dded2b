using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>POST /api/v1/images/{digest}/signatures/verify</c>: cosign verification against the configured keys (ci, admin).</summary>
internal static class SignaturesApi
{
    public static void MapSignaturesApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/images/{digest}/signatures/verify", VerifyAsync)
            .WithTags("Signatures")
            .RequireAuthorization(Policies.Register)
            .ProducesWriteProblems()
            .Produces(StatusCodes.Status502BadGateway)
            .WithSummary("Find the digest's cosign signatures in its registry, verify them against the configured keys and store the result as evidence");

    private static async Task<Results<Ok<SignatureCheck>, ProblemHttpResult>> VerifyAsync(
        string digest, string? repository, ClaimsPrincipal user, SignatureService signatures, CancellationToken cancellationToken) =>
        RegistryProblems.Ok(await signatures.VerifyAsync(user.ToCaller(), digest, repository, cancellationToken));
}
