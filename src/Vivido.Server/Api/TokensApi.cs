using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary><c>/api/v1/tokens</c>: create, list, revoke (admin).</summary>
internal static class TokensApi
{
    public static void MapTokensApi(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireAuthorization(Policies.Admin);
        tokens.MapPost("", CreateAsync).AddEndpointFilter<IdempotencyFilter>().ProducesWriteProblems().WithSummary("Create a token; its secret is returned this once");
        tokens.MapGet("", ListAsync).ProducesReadProblems().WithSummary("Every token, revoked ones included, without secrets");
        tokens.MapDelete("/{name}", RevokeAsync).ProducesReadProblems().WithSummary("Revoke a token");
    }

    private static async Task<Results<Created<TokenCreatedDto>, ProblemHttpResult>> CreateAsync(
        TokenBody body, ClaimsPrincipal user, TokenService tokens, CancellationToken cancellationToken)
    {
        var result = await tokens.CreateAsync(user.ToCaller(), body.Name, body.Roles, body.Repositories, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/tokens/{result.Value.Token.Name}", new TokenCreatedDto(result.Value.Token.ToDto(), result.Value.Secret))
            : FailureProblems.Problem(result.Failure);
    }

    private static async Task<Results<Ok<ListDto<TokenDto>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, TokenService tokens, CancellationToken cancellationToken) =>
        ApiResults.Ok(await tokens.ListAsync(user.ToCaller(), cancellationToken), list => new ListDto<TokenDto>(list.Select(t => t.ToDto()).ToList()));

    private static async Task<Results<Ok<TokenDto>, ProblemHttpResult>> RevokeAsync(
        string name, ClaimsPrincipal user, TokenService tokens, CancellationToken cancellationToken) =>
        ApiResults.Ok(await tokens.RevokeAsync(user.ToCaller(), name, cancellationToken), token => token.ToDto());
}
