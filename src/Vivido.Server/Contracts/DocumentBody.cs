using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;

namespace Vivido.Server.Contracts;

/// <summary>
/// A request body taken as raw bytes (a scan report, an SBOM, a bundle), read up to a limit. Binding
/// never fails: a body over the limit sets <see cref="TooLarge"/> and is not read further. Its
/// <see cref="Sha256"/> is what the idempotency fingerprint sees.
/// </summary>
internal sealed record DocumentBody([property: JsonIgnore] byte[] Content, [property: JsonIgnore] string? MediaType, bool TooLarge, long Limit)
{
    /// <summary>The limit when nothing else is configured: 16 MiB.</summary>
    public const long DefaultLimit = 16 * 1024 * 1024;

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    /// <summary>Minimal API binding: the limit comes from <see cref="DocumentLimits"/> in the container.</summary>
    public static ValueTask<DocumentBody?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReadAsync(context, context.RequestServices.GetService<DocumentLimits>()?.MaxBytes ?? DefaultLimit);
    }

    /// <summary>Reads the body, stopping as soon as it passes <paramref name="limit"/>.</summary>
    public static async ValueTask<DocumentBody?> ReadAsync(HttpContext context, long limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Documents may exceed the server-wide cap; this endpoint enforces its own limit below.
            size.MaxRequestBodySize = limit + 1;
        }

        var mediaType = request.ContentType;
        if (request.ContentLength > limit)
        {
            return new DocumentBody([], mediaType, TooLarge: true, limit);
        }

        if (request.ContentLength is { } length)
        {
            // The usual case: the size is declared, so read straight into an array of that size.
            var content = new byte[length];
            await request.Body.ReadExactlyAsync(content, context.RequestAborted).ConfigureAwait(false);
            return new DocumentBody(content, mediaType, TooLarge: false, limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return new DocumentBody([], mediaType, TooLarge: true, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return new DocumentBody(buffer.ToArray(), mediaType, TooLarge: false, limit);
    }
}

/// <summary>The largest evidence document the server reads; bundles may be <see cref="BundleFactor"/> times larger.</summary>
internal sealed record DocumentLimits(long MaxBytes)
{
    public const int BundleFactor = 4;

    public long MaxBundleBytes => MaxBytes * BundleFactor;
}

/// <summary>An evidence bundle body (a tar), read up to <see cref="DocumentLimits.MaxBundleBytes"/>.</summary>
internal sealed record BundleBody(DocumentBody Document)
{
    public static async ValueTask<BundleBody?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = context.RequestServices.GetService<DocumentLimits>() ?? new DocumentLimits(DocumentBody.DefaultLimit);
        return await DocumentBody.ReadAsync(context, limits.MaxBundleBytes).ConfigureAwait(false) is { } document ? new BundleBody(document) : null;
    }
}
