using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Evidence;
using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary>
/// <c>/api/v1/images/{digest}/scans|sboms|attestations</c> (post a document as it came from the tool),
/// <c>/evidence</c> (list) and <c>/evidence/{id}/raw</c> (the document back).
/// </summary>
internal static class EvidenceApi
{
    public static void MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var image = app.MapGroup("/api/v1/images/{digest}").WithTags("Evidence");
        Ingest(image, "/scans", EvidenceChannel.Scan, "Attach a Trivy, Grype or CycloneDX (with vulnerabilities) report; a critical finding fires the lifecycle's on_critical event");
        Ingest(image, "/sboms", EvidenceChannel.Sbom, "Attach a CycloneDX 1.4-1.6 or SPDX 2.3 SBOM");
        Ingest(image, "/attestations", EvidenceChannel.Attestation, "Attach SLSA provenance: an in-toto statement, bare, in a DSSE envelope or in a Sigstore bundle");
        image.MapGet("/evidence", ListAsync).RequireAuthorization(Policies.Read).ProducesReadProblems()
            .WithSummary("The image's evidence, oldest first, optionally of one kind (scan, sbom, signature, provenance, test)");
        image.MapGet("/evidence/{id:long}/raw", RawAsync).RequireAuthorization(Policies.Read).ProducesReadProblems()
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("The raw document as it was received");
    }

    private static void Ingest(RouteGroupBuilder image, string path, EvidenceChannel channel, string summary) =>
        image.MapPost(path, (string digest, DocumentBody body, ClaimsPrincipal user, EvidenceService evidence, CancellationToken cancellationToken) =>
                IngestAsync(digest, channel, body, user, evidence, cancellationToken))
            .RequireAuthorization(Policies.FireEvent)
            .AddEndpointFilter<IdempotencyFilter>()
            .Accepts<object>("application/json")
            .ProducesWriteProblems()
            .Produces(StatusCodes.Status413PayloadTooLarge)
            .WithSummary(summary);

    private static async Task<Results<Created<IngestDto>, ProblemHttpResult>> IngestAsync(
        string digest, EvidenceChannel channel, DocumentBody body, ClaimsPrincipal user, EvidenceService evidence, CancellationToken cancellationToken)
    {
        if (body.TooLarge)
        {
            return FailureProblems.Problem(new DocumentTooLarge($"the document is larger than the limit of {body.Limit} bytes", body.Limit));
        }

        var result = await evidence.IngestAsync(user.ToCaller(), digest, channel, body.Content, body.MediaType, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/images/{digest}/evidence/{result.Value.Evidence.Id}/raw", result.Value.ToDto())
            : FailureProblems.Problem(result.Failure);
    }

    private static async Task<Results<Ok<ListDto<EvidenceDto>>, ProblemHttpResult>> ListAsync(
        string digest, string? kind, ClaimsPrincipal user, EvidenceService evidence, CancellationToken cancellationToken)
    {
        EvidenceKind? parsed = null;
        if (kind is not null)
        {
            if (!Enum.TryParse<EvidenceKind>(kind, ignoreCase: true, out var value) || !Enum.IsDefined(value) || kind.Any(char.IsDigit))
            {
                return FailureProblems.Problem(new InvalidInput("kind", "expected one of scan, sbom, signature, provenance, test"));
            }

            parsed = value;
        }

        return ApiResults.Ok(
            await evidence.ListAsync(user.ToCaller(), digest, parsed, cancellationToken),
            records => new ListDto<EvidenceDto>(records.Select(r => r.ToDto()).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RawAsync(
        string digest, long id, ClaimsPrincipal user, EvidenceService evidence, CancellationToken cancellationToken)
    {
        var raw = await evidence.ReadRawAsync(user.ToCaller(), digest, id, cancellationToken);
        return raw.Succeeded
            ? TypedResults.File(raw.Value.Content, raw.Value.MediaType ?? "application/octet-stream")
            : FailureProblems.Problem(raw.Failure);
    }
}
