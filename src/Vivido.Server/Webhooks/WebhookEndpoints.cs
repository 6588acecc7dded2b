using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Auth;
using Vivido.Server.Http;

namespace Vivido.Server.Webhooks;

/// <summary>The three receivers' handlers: authenticate, read the capped body, hand it to the receiver, answer with its report.</summary>
internal sealed class WebhookEndpoints(WebhookService webhooks, VividoServerOptions options)
{
    private readonly DistributionReceiver _distribution = new(webhooks, options.DistributionHost);
    private readonly HarborReceiver _harbor = new(webhooks, options.Time);
    private readonly GitHubReceiver _github = new(webhooks);

    public async Task<Results<Ok<WebhookReportDto>, ProblemHttpResult>> DistributionAsync(HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await WebhookBody.ReadAsync(request, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            return TooLarge();
        }

        return await _distribution.HandleAsync(user.ToCaller(), body, cancellationToken).ConfigureAwait(false) is { } report
            ? TypedResults.Ok(report.ToDto())
            : ApiProblems.BadRequest("events", "the body must be a registry notification envelope: {\"events\": [...]}");
    }

    public async Task<Results<Ok<WebhookReportDto>, ProblemHttpResult>> HarborAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (options.HarborSecret is not { } secret)
        {
            return NotConfigured("Harbor", "--harbor-secret-file");
        }

        if (!WebhookSecrets.SecretMatches(request.Headers.Authorization.ToString(), secret))
        {
            return Unauthorized("the Authorization header does not match the configured Harbor secret");
        }

        if (await WebhookBody.ReadAsync(request, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            return TooLarge();
        }

        return await _harbor.HandleAsync(body, cancellationToken).ConfigureAwait(false) is { } report
            ? TypedResults.Ok(report.ToDto())
            : ApiProblems.BadRequest("type", "the body must be a Harbor webhook payload with a 'type'");
    }

    public async Task<Results<Ok<WebhookReportDto>, ProblemHttpResult>> GitHubAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (options.GitHubSecret is not { } secret)
        {
            return NotConfigured("GitHub", "--github-secret-file");
        }

        if (await WebhookBody.ReadAsync(request, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            return TooLarge();
        }

        if (!WebhookSecrets.SignatureMatches(request.Headers[GitHubReceiver.SignatureHeader].ToString(), body, secret))
        {
            return Unauthorized($"{GitHubReceiver.SignatureHeader} is missing or is not the HMAC-SHA256 of the body under the configured secret");
        }

        return await _github.HandleAsync(request.Headers[GitHubReceiver.EventHeader].ToString(), body, cancellationToken).ConfigureAwait(false) is { } report
            ? TypedResults.Ok(report.ToDto())
            : ApiProblems.BadRequest("body", "the body must be a JSON object");
    }

    private static ProblemHttpResult TooLarge() => ApiProblems.Result(ApiProblems.Create(
        StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, ApiProblems.TitleFor(413), $"webhook bodies are limited to {WebhookBody.MaxBytes} bytes"));

    private static ProblemHttpResult Unauthorized(string detail) =>
        ApiProblems.Result(ApiProblems.Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, ApiProblems.TitleFor(401), detail));

    private static ProblemHttpResult NotConfigured(string source, string flag) => ApiProblems.Result(ApiProblems.Create(
        StatusCodes.Status404NotFound, ProblemTypes.NotFound, ApiProblems.TitleFor(404), $"the {source} receiver is off: start the server with {flag}"));
}
