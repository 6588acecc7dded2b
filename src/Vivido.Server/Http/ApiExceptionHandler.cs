using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Vivido.Core.Storage;

namespace Vivido.Server.Http;

/// <summary>
/// Maps every exception to a problem document: binding and body errors become 4xx naming the field,
/// an unreachable database a 503 with Retry-After, anything else a 500 without internals (the details
/// go to the log only).
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying after the store was unavailable.</summary>
    public const string StoreRetryAfterSeconds = "2";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var unavailable = Find<StoreUnavailableException>(exception);
        var problem = unavailable is null ? Describe(exception, httpContext.Request) : StoreUnavailable(unavailable.OutcomeUnknown);
        if (unavailable is not null)
        {
            // A database outage is an operational event, not a bug: one line, no stack trace.
            LogStoreUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, unavailable.Message.Split('\n')[0]);
            httpContext.Response.Headers.RetryAfter = StoreRetryAfterSeconds;
        }
        else if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
    }

    private static ProblemDetails StoreUnavailable(bool outcomeUnknown) =>
        ApiProblems.Create(
            StatusCodes.Status503ServiceUnavailable,
            ProblemTypes.StoreUnavailable,
            "Store unavailable",
            outcomeUnknown
                ? "the connection to the database was lost while committing, so the write may or may not have been applied. Retry with the same Idempotency-Key, or read the resource first"
                : "the database cannot be reached; the write was not applied. Retry later");

    private static ProblemDetails Describe(Exception exception, HttpRequest request)
    {
        var json = Find<JsonException>(exception);
        if (json is not null)
        {
            var (field, message) = JsonErrorField.Describe(json);
            return ApiProblems.InvalidInput(field, message);
        }

        if (exception is BadHttpRequestException bad)
        {
            return bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => ApiProblems.Create(
                    bad.StatusCode, ProblemTypes.PayloadTooLarge, ApiProblems.TitleFor(bad.StatusCode),
                    "the request body is larger than the server accepts"),
                StatusCodes.Status415UnsupportedMediaType => ApiProblems.Create(
                    bad.StatusCode, ProblemTypes.UnsupportedMediaType, ApiProblems.TitleFor(bad.StatusCode),
                    $"expected Content-Type: application/json, got '{request.ContentType}'"),
                StatusCodes.Status400BadRequest when bad.Message.Contains("was not provided", StringComparison.Ordinal) =>
                    ApiProblems.InvalidInput("body", "a JSON request body is required"),
                _ => ApiProblems.Create(
                    bad.StatusCode, ProblemTypes.ForStatus(bad.StatusCode), ApiProblems.TitleFor(bad.StatusCode),
                    "the request could not be read"),
            };
        }

        return ApiProblems.Create(
            StatusCodes.Status500InternalServerError,
            ProblemTypes.Internal,
            ApiProblems.TitleFor(500),
            "the server failed to handle the request; the error was logged");
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store unavailable on {Method} {Path}: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string method, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, PathString path, Exception exception);
}
