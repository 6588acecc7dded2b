using Vivido.Server.Contracts;

namespace Vivido.Server.Webhooks;

/// <summary>Reads a webhook's raw body (signatures cover the exact bytes) up to a cap.</summary>
internal static class WebhookBody
{
    /// <summary>The largest body a receiver reads: 1 MiB, far above any real delivery.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return await DocumentBody.ReadAsync(request.HttpContext, MaxBytes).ConfigureAwait(false) is { TooLarge: false } body ? body.Content : null;
    }
}
