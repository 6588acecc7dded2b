using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Vivido.Server.Http;

/// <summary>Builds the RFC 9457 problem documents every error response carries.</summary>
internal static class ApiProblems
{
    public static ProblemDetails Create(int status, string type, string title, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>A 400 naming the offending field both as <c>field</c> and in the <c>errors</c> map.</summary>
    public static ProblemDetails InvalidInput(string field, string message) =>
        Create(
            StatusCodes.Status400BadRequest,
            ProblemTypes.InvalidInput,
            "Invalid input",
            message,
            [
                new("field", field),
                new("errors", new Dictionary<string, string[]> { [field] = [message] }),
            ]);

    public static ProblemHttpResult Result(ProblemDetails problem) => TypedResults.Problem(problem);

    public static ProblemHttpResult BadRequest(string field, string message) => Result(InvalidInput(field, message));

    public static string TitleFor(int status) => status switch
    {
        400 => "Invalid input",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Refused",
        503 => "Not ready",
        _ => "Internal error",
    };
}
