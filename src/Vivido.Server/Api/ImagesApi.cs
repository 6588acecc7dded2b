using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>/api/v1/images</c>: register, list, show, history.</summary>
internal static class ImagesApi
{
    public static void MapImagesApi(this IEndpointRouteBuilder app)
    {
        var images = app.MapGroup("/api/v1/images").WithTags("Images");
        images.MapPost("", RegisterAsync).RequireAuthorization(Policies.Register).AddEndpointFilter<IdempotencyFilter>().ProducesWriteProblems()
            .WithSummary("Register a digest in the lifecycle's initial state, or an entry state such as import (201), or return it unchanged (200)");
        images.MapGet("", ListAsync).RequireAuthorization(Policies.Read).ProducesReadProblems()
            .WithSummary("List images by state, repository, tag and time in state, with cursor paging");
        images.MapGet("/{digest}", GetAsync).RequireAuthorization(Policies.Read).ProducesReadProblems().WithSummary("One image");
        images.MapGet("/{digest}/history", HistoryAsync).RequireAuthorization(Policies.Read).ProducesReadProblems()
            .WithSummary("The image's history: accepted, rejected and override entries");
    }

    private static async Task<Results<Created<ImageDto>, Ok<ImageDto>, ProblemHttpResult>> RegisterAsync(
        RegisterImageBody body, ClaimsPrincipal user, ImageService images, CancellationToken cancellationToken)
    {
        var result = await images.RegisterAsync(user.ToCaller(), body.Repository, body.Digest, body.Tags, body.Attributes, body.Entry, cancellationToken);
        if (!result.Succeeded)
        {
            return FailureProblems.Problem(result.Failure);
        }

        var image = result.Value.Image.ToDto();
        return result.Value.Created ? TypedResults.Created($"/api/v1/images/{image.Digest}", image) : TypedResults.Ok(image);
    }

    private static async Task<Results<Ok<ImagePageDto>, ProblemHttpResult>> ListAsync(
        string? state,
        string? repository,
        string? tag,
        string? inStateLongerThan,
        string? limit,
        string? cursor,
        ClaimsPrincipal user,
        ImageService images,
        CancellationToken cancellationToken)
    {
        if (!RequestValues.TryInt(limit, "limit", out var size, out var bad))
        {
            return FailureProblems.Problem(bad!);
        }

        var result = await images.ListAsync(user.ToCaller(), state, repository, tag, inStateLongerThan, size, cursor, cancellationToken);
        return ApiResults.Ok(result, page => page.ToDto());
    }

    private static async Task<Results<Ok<ImageDto>, ProblemHttpResult>> GetAsync(
        string digest, ClaimsPrincipal user, ImageService images, HttpResponse response, CancellationToken cancellationToken)
    {
        var result = await images.GetAsync(user.ToCaller(), digest, cancellationToken);
        if (result.Succeeded)
        {
            response.Headers.ETag = RequestValues.ETag(result.Value.Version);
        }

        return ApiResults.Ok(result, image => image.ToDto());
    }

    private static async Task<Results<Ok<ListDto<HistoryEntryDto>>, ProblemHttpResult>> HistoryAsync(
        string digest, ClaimsPrincipal user, ImageService images, CancellationToken cancellationToken) =>
        ApiResults.Ok(await images.HistoryAsync(user.ToCaller(), digest, cancellationToken), entries => entries.ToDto());
}
