using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Evidence;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary>Evidence bundles: <c>GET /api/v1/images/{digest}/evidence/bundle</c> and <c>POST /api/v1/evidence/bundles</c> (admin).</summary>
internal static class BundlesApi
{
    public const string TarMediaType = "application/x-tar";

    public static void MapBundlesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/images/{digest}/evidence/bundle", ExportAsync).WithTags("Evidence")
            .RequireAuthorization(Policies.Read).ProducesReadProblems()
            .Produces(StatusCodes.Status200OK, contentType: TarMediaType)
            .WithSummary("The digest's raw documents, facts, history and signature as a tar with a SHA-256 manifest");
        app.MapPost("/api/v1/evidence/bundles", ImportAsync).WithTags("Evidence")
            .RequireAuthorization(Policies.Admin).AddEndpointFilter<IdempotencyFilter>()
            .Accepts<byte[]>(TarMediaType).ProducesWriteProblems().Produces(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Verify every hash of a bundle, register its image if new, and attach its evidence");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string digest, ClaimsPrincipal user, BundleService bundles, CancellationToken cancellationToken)
    {
        var tar = await bundles.ExportAsync(user.ToCaller(), digest, cancellationToken);
        return tar.Succeeded
            ? TypedResults.File(tar.Value, TarMediaType, $"{digest.Replace(':', '-')}.tar")
            : FailureProblems.Problem(tar.Failure);
    }

    private static async Task<Results<Created<BundleImported>, ProblemHttpResult>> ImportAsync(
        BundleBody body, ClaimsPrincipal user, BundleService bundles, CancellationToken cancellationToken)
    {
        var document = body.Document;
        if (document.TooLarge)
        {
            return FailureProblems.Problem(new DocumentTooLarge($"the bundle is larger than the limit of {document.Limit} bytes", document.Limit));
        }

        using var input = new MemoryStream(document.Content, writable: false);
        var result = await bundles.ImportAsync(user.ToCaller(), input, document.Limit, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/images/{result.Value.Digest}/evidence", result.Value)
            : FailureProblems.Problem(result.Failure);
    }
}
