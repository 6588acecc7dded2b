using Microsoft.AspNetCore.Http.HttpResults;
using Vivido.Core.Service;

namespace Vivido.Server.Http;

/// <summary>Turns a service result into 200 + document or the failure's problem.</summary>
internal static class ApiResults
{
    public static Results<Ok<TDto>, ProblemHttpResult> Ok<T, TDto>(ServiceResult<T> result, Func<T, TDto> map)
        where T : class =>
        result.Succeeded ? TypedResults.Ok(map(result.Value)) : FailureProblems.Problem(result.Failure);
}
