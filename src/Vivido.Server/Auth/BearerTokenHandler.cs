using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Vivido.Core.Service;
using Vivido.Server.Http;

namespace Vivido.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> by the token's SHA-256 hash. The principal
/// carries the token's name (the recorded actor), roles and repository patterns.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string FailureKey = "vivido.auth.failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("the Authorization header must be 'Bearer <token>'");
        }

        var caller = await tokens.AuthenticateAsync(header[(SchemeName.Length + 1)..].Trim(), Context.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            return Fail("the token is unknown or revoked");
        }

        var principal = new ClaimsPrincipal(CallerClaims.ToIdentity(caller, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        var detail = Context.Items[FailureKey] as string ?? "send 'Authorization: Bearer <token>'";
        await WriteAsync(ApiProblems.Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, ApiProblems.TitleFor(401), detail)).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteAsync(ApiProblems.Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, ApiProblems.TitleFor(403), "the token may not do this")).ConfigureAwait(false);
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureKey] = reason;
        return AuthenticateResult.Fail(reason);
    }

    private ValueTask WriteAsync(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
}
