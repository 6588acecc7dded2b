using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>/api/v1/tags</c>: move, list, history.</summary>
internal static class TagsApi
{
    public static void MapTagsApi(this IEndpointRouteBuilder app)
    {
        var tags = app.MapGroup("/api/v1/tags").WithTags("Tags");
        tags.MapPut("", MoveAsync).RequireAuthorization(Policies.MoveTag).AddEndpointFilter<IdempotencyFilter>().ProducesWriteProblems()
            .WithSummary("Point repository:tag at a digest; the move is recorded");
        tags.MapGet("", ListAsync).RequireAuthorization(Policies.Read).ProducesReadProblems().WithSummary("The repository's tags");
        tags.MapGet("/history", HistoryAsync).RequireAuthorization(Policies.Read).ProducesReadProblems().WithSummary("Recorded tag moves, oldest first");
    }

    private static async Task<Results<Ok<TagMoveDto>, ProblemHttpResult>> MoveAsync(
        TagBody body, ClaimsPrincipal user, TagService tags, CancellationToken cancellationToken) =>
        ApiResults.Ok(await tags.MoveAsync(user.ToCaller(), body.Repository, body.Tag, body.Digest, cancellationToken), move => move.ToDto());

    private static async Task<Results<Ok<ListDto<TagDto>>, ProblemHttpResult>> ListAsync(
        string? repository, ClaimsPrincipal user, TagService tags, CancellationToken cancellationToken) =>
        ApiResults.Ok(await tags.ListAsync(user.ToCaller(), repository, cancellationToken), list => new ListDto<TagDto>(list.Select(t => t.ToDto()).ToList()));

    private static async Task<Results<Ok<ListDto<TagMoveDto>>, ProblemHttpResult>> HistoryAsync(
        string? repository, string? tag, ClaimsPrincipal user, TagService tags, CancellationToken cancellationToken) =>
        ApiResults.Ok(
            await tags.HistoryAsync(user.ToCaller(), repository, tag, cancellationToken),
            moves => new ListDto<TagMoveDto>(moves.Select(m => m.ToDto()).ToList()));
}
