using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Evidence;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary>The incident responder's questions: <c>/vulnerabilities/{id}/images</c>, <c>/images/{digest}/vulnerabilities</c>, <c>/packages?purl=</c> and time to patch.</summary>
internal static class VulnerabilitiesApi
{
    public static void MapVulnerabilitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Vulnerabilities").RequireAuthorization(Policies.Read);
        api.MapGet("/vulnerabilities/{id}/images", ImagesAsync).ProducesReadProblems()
            .WithSummary("Every image whose newest scan reports the vulnerability, with its state and where it runs");
        api.MapGet("/images/{digest}/vulnerabilities", ImageVulnerabilitiesAsync).ProducesReadProblems()
            .WithSummary("The unique vulnerabilities of the image's newest scan, worst first: severity, CVSS, fixed versions and each affected package");
        api.MapGet("/packages", PackagesAsync).ProducesReadProblems()
            .WithSummary("Every image whose newest SBOM lists the package (purl; any version when it has none)");
        api.MapGet("/time-to-patch", PatchTimesAsync).ProducesReadProblems()
            .WithSummary("Per vulnerability: from its first sighting in an Active image to the first Active digest without it; with mean, median and p90");
        api.MapGet("/images/{digest}/time-to-patch", ImagePatchTimesAsync).ProducesReadProblems()
            .WithSummary("Time to patch of the vulnerabilities this image carried while Active");
    }

    private static async Task<Results<Ok<VulnerabilityImagesDto>, ProblemHttpResult>> ImagesAsync(
        string id, ClaimsPrincipal user, VulnerabilityService vulnerabilities, CancellationToken cancellationToken) =>
        ApiResults.Ok(
            await vulnerabilities.ImagesWithAsync(user.ToCaller(), id, cancellationToken),
            found => new VulnerabilityImagesDto(id, found.Select(i => i.ToDto()).ToList()));

    private static async Task<Results<Ok<ImageVulnerabilitiesDto>, ProblemHttpResult>> ImageVulnerabilitiesAsync(
        string digest, ClaimsPrincipal user, VulnerabilityService vulnerabilities, CancellationToken cancellationToken) =>
        ApiResults.Ok(
            await vulnerabilities.ImageVulnerabilitiesAsync(user.ToCaller(), digest, cancellationToken),
            items => new ImageVulnerabilitiesDto(digest, items));

    private static async Task<Results<Ok<PackageImagesDto>, ProblemHttpResult>> PackagesAsync(
        string? purl, ClaimsPrincipal user, VulnerabilityService vulnerabilities, CancellationToken cancellationToken) =>
        ApiResults.Ok(
            await vulnerabilities.ImagesWithPackageAsync(user.ToCaller(), purl, cancellationToken),
            found => new PackageImagesDto(purl!, found.Select(m => m.ToDto()).ToList()));

    private static async Task<Results<Ok<PatchTimeSummaryDto>, ProblemHttpResult>> PatchTimesAsync(
        string? repository, ClaimsPrincipal user, VulnerabilityService vulnerabilities, CancellationToken cancellationToken) =>
        ApiResults.Ok(await vulnerabilities.PatchTimesAsync(user.ToCaller(), repository, cancellationToken), s => s.ToDto());

    private static async Task<Results<Ok<ImagePatchTimesDto>, ProblemHttpResult>> ImagePatchTimesAsync(
        string digest, ClaimsPrincipal user, VulnerabilityService vulnerabilities, CancellationToken cancellationToken) =>
        ApiResults.Ok(
            await vulnerabilities.ImagePatchTimesAsync(user.ToCaller(), digest, cancellationToken),
            items => new ImagePatchTimesDto(digest, items.Select(p => p.ToDto()).ToList()));
}
