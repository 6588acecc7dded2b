using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Admission;
using Vivido.Core.Admitting;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary>
/// Kubernetes admission webhooks <c>POST /admission/validate</c> and <c>/admission/mutate</c> (AdmissionReview
/// in and out, always 200 so the API server reads the answer), and <c>GET /api/v1/check</c> for other deploy tools.
/// </summary>
internal static class AdmissionApi
{
    /// <summary>The API server sends at most 3 MiB; a larger body is answered as a malformed review.</summary>
    public const long MaxReviewBytes = 3 * 1024 * 1024;

    public static void MapAdmissionApi(this IEndpointRouteBuilder app, VividoServerOptions options)
    {
        var admission = app.MapGroup("/admission").WithTags("Admission");
        var validate = admission.MapPost("/validate", ValidateAsync)
            .Accepts<object>("application/json").Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("Kubernetes validating webhook: admit a workload only if every image's digest is in a state its namespace allows");
        var mutate = admission.MapPost("/mutate", MutateAsync)
            .Accepts<object>("application/json").Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("Kubernetes mutating webhook: a JSONPatch pinning every tag Vivido knows to its digest");
        foreach (var endpoint in new[] { validate, mutate })
        {
            if (options.AdmissionAnonymous)
            {
                endpoint.AllowAnonymous();
            }
            else
            {
                endpoint.RequireAuthorization(Policies.Admission).ProducesReadProblems();
            }
        }

        app.MapGet("/api/v1/check", CheckAsync).WithTags("Admission").RequireAuthorization(Policies.Read).ProducesReadProblems()
            .WithSummary("The admission decision for one image in one namespace: allowed, or the reason it is denied");
    }

    private static async Task<IResult> ValidateAsync(HttpContext context, AdmissionService admission, CancellationToken cancellationToken) =>
        await ReadAsync(context) is { } body
            ? Review((await admission.ValidateAsync(body, cancellationToken)).Response)
            : TooLarge();

    private static async Task<IResult> MutateAsync(HttpContext context, AdmissionService admission, CancellationToken cancellationToken) =>
        await ReadAsync(context) is { } body
            ? Review((await admission.MutateAsync(body, cancellationToken)).Response)
            : TooLarge();

    private static async Task<Results<Ok<CheckResult>, ProblemHttpResult>> CheckAsync(
        string? image, string? @namespace, ClaimsPrincipal user, AdmissionService admission, CancellationToken cancellationToken) =>
        ApiResults.Ok(await admission.CheckAsync(user.ToCaller(), image, @namespace, cancellationToken), result => result);

    private static async Task<byte[]?> ReadAsync(HttpContext context) =>
        await DocumentBody.ReadAsync(context, MaxReviewBytes) is { TooLarge: false } body ? body.Content : null;

    private static IResult Review(byte[] response) => Results.Bytes(response, "application/json");

    private static IResult TooLarge() =>
        Review(AdmissionResponseWriter.Write("admission.k8s.io/v1", string.Empty, false, 413, $"the AdmissionReview is larger than {MaxReviewBytes} bytes", [], null));
}
