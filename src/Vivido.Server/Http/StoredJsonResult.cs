using System.Text;

namespace Vivido.Server.Http;

/// <summary>A JSON response sent exactly as stored: an idempotent replay, byte for byte.</summary>
internal sealed class StoredJsonResult(int statusCode, string body) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public string Body => body;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await httpContext.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), httpContext.RequestAborted).ConfigureAwait(false);
    }
}
