using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;
using Vivido.Server.Http;

namespace Vivido.Server.Api;

/// <summary>Problem documents of the registry-facing endpoints: a registry that cannot answer is a 502, never a 500.</summary>
internal static class RegistryProblems
{
    public const string RegistryUnavailable = "urn:vivido:problem:registry-unavailable";

    public static ProblemHttpResult Problem(ServiceFailure failure) => failure is RegistryUnreachable unreachable
        ? TypedResults.Problem(ApiProblems.Create(StatusCodes.Status502BadGateway, RegistryUnavailable, "Registry unavailable", unreachable.Message))
        : FailureProblems.Problem(failure);

    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(ServiceResult<T> result)
        where T : class =>
        result.Succeeded ? TypedResults.Ok(result.Value) : Problem(result.Failure);
}
