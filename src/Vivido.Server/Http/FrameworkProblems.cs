namespace Vivido.Server.Http;

/// <summary>Gives the framework's own bare errors (unknown route, wrong method, wrong media type) Vivido's problem types and a detail.</summary>
internal static class FrameworkProblems
{
    private const string FrameworkTypePrefix = "https://tools.ietf.org/";

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Type is not null && !problem.Type.StartsWith(FrameworkTypePrefix, StringComparison.Ordinal))
        {
            return;
        }

        problem.Type = ProblemTypes.ForStatus(status);
        problem.Title = ApiProblems.TitleFor(status);
        problem.Detail ??= status switch
        {
            StatusCodes.Status404NotFound => $"no route {context.HttpContext.Request.Path}",
            StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}",
            StatusCodes.Status415UnsupportedMediaType => $"expected Content-Type: application/json, got '{context.HttpContext.Request.ContentType}'",
            StatusCodes.Status413PayloadTooLarge => "the request body is larger than the server accepts",
            _ => ApiProblems.TitleFor(status),
        };
    }
}
