using System.Net;

namespace Vivido.Registry;

public sealed partial class RegistryClient
{
    /// <summary>The largest manifest accepted (the OCI distribution spec's suggested limit).</summary>
    public const long MaxManifestBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Resolves a tag or digest to its manifest descriptor with <c>HEAD</c> (OCI and Docker manifest and index types);
    /// the digest is <c>Docker-Content-Digest</c>, or when absent the hash of a GET. Null when the registry answers 404.
    /// </summary>
    public async Task<ManifestDescriptor?> ResolveAsync(string repository, string reference, CancellationToken ct = default)
    {
        References.Repository(repository);
        References.Reference(reference);
        var what = $"resolve {reference}";
        using (var response = await SendAsync(HttpMethod.Head, $"v2/{repository}/manifests/{reference}", AcceptManifests, Scope(repository, "pull"), what, ct, repository)
                   .ConfigureAwait(false))
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            await EnsureSuccessAsync(response, repository, what, ct).ConfigureAwait(false);
            var digest = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault()?.Trim() : null;
            if (digest is not null && References.IsDigest(digest) && ContentType(response)?.MediaType is { } mediaType)
            {
                return new ManifestDescriptor(mediaType, digest, response.Content.Headers.ContentLength ?? 0);
            }
        }

        var manifest = await GetManifestAsync(repository, reference, ct).ConfigureAwait(false);
        return manifest is null ? null : new ManifestDescriptor(manifest.MediaType, manifest.Digest, manifest.Bytes.Length);
    }

    /// <summary>The manifest's raw bytes, media type and (sha256) digest; null on 404. A digest reference must match the bytes.</summary>
    public async Task<ManifestContent?> GetManifestAsync(string repository, string reference, CancellationToken ct = default)
    {
        References.Repository(repository);
        References.Reference(reference);
        var what = $"get manifest {reference}";
        using var response = await SendAsync(HttpMethod.Get, $"v2/{repository}/manifests/{reference}", AcceptManifests, Scope(repository, "pull"), what, ct, repository)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, repository, what, ct).ConfigureAwait(false);
        var bytes = await ReadCappedAsync(response, MaxManifestBytes, ct).ConfigureAwait(false)
            ?? throw new RegistryException($"{Where(repository)}: {what}: manifest larger than {MaxManifestBytes} bytes");
        var digest = References.Sha256(bytes);
        if (References.IsDigest(reference) && reference.StartsWith("sha256:", StringComparison.Ordinal) && reference != digest)
        {
            throw new RegistryException($"{Where(repository)}: {what}: the registry served content with digest {digest}");
        }

        var mediaType = ContentType(response)?.MediaType ?? MediaTypeOf(bytes) ?? MediaTypes.OciManifest;
        return new ManifestContent(mediaType, digest, bytes);
    }

    /// <summary>A blob's bytes (configs, signature payloads), refused when larger than <paramref name="maxBytes"/> or not matching the digest.</summary>
    public async Task<byte[]> GetBlobAsync(string repository, string digest, long maxBytes, CancellationToken ct = default)
    {
        References.Repository(repository);
        References.Digest(digest);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var what = $"get blob {digest}";
        using var response = await SendAsync(HttpMethod.Get, $"v2/{repository}/blobs/{digest}", null, Scope(repository, "pull"), what, ct, repository)
            .ConfigureAwait(false);
        await EnsureSuccessAsync(response, repository, what, ct).ConfigureAwait(false);
        var bytes = await ReadCappedAsync(response, maxBytes, ct).ConfigureAwait(false)
            ?? throw new RegistryException($"{Where(repository)}: {what}: blob larger than {maxBytes} bytes");
        if (digest.StartsWith("sha256:", StringComparison.Ordinal) && References.Sha256(bytes) != digest)
        {
            throw new RegistryException($"{Where(repository)}: {what}: content does not match the digest");
        }

        return bytes;
    }

    /// <summary>
    /// Deletes the manifest <paramref name="digest"/>; false when the registry answers 404. Never retried blindly: after a lost
    /// response or a 502/503/504 the manifest is looked up first, and if it is gone the earlier attempt deleted it (true).
    /// </summary>
    public async Task<bool> DeleteManifestAsync(string repository, string digest, CancellationToken ct = default)
    {
        References.Repository(repository);
        References.Digest(digest);
        var what = $"delete manifest {digest}";
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await SendAsync(HttpMethod.Delete, $"v2/{repository}/manifests/{digest}", null, Scope(repository, "delete"), what, ct, repository)
                    .ConfigureAwait(false);
            }
            catch (RegistryException e) when (e.Status is null && attempt < _retry.MaxAttempts)
            {
                // The request may or may not have reached the registry: look before trying again.
                if (await ResolveAsync(repository, digest, ct).ConfigureAwait(false) is null)
                {
                    return true;
                }

                continue;
            }

            using (response)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.NoContent:
                        return true;
                    case HttpStatusCode.NotFound when attempt == 1:
                        return false;
                    case HttpStatusCode.NotFound:
                        // A retry found nothing: the earlier attempt, whose answer was lost, deleted it.
                        return true;
                    case HttpStatusCode.TooManyRequests when attempt < _retry.MaxAttempts:
                        // A 429 means the registry did not act on the request, so it is safe to send again.
                        await Task.Delay(_retry.DelayBefore(attempt, RetryAfter(response)), _time, ct).ConfigureAwait(false);
                        continue;
                    case HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout when attempt < _retry.MaxAttempts:
                        // A proxy may have passed the request on: only try again if the manifest is still there.
                        await Task.Delay(_retry.DelayBefore(attempt, RetryAfter(response)), _time, ct).ConfigureAwait(false);
                        if (await ResolveAsync(repository, digest, ct).ConfigureAwait(false) is null)
                        {
                            return true;
                        }

                        continue;
                    default:
                        throw await ErrorAsync(response, repository, what, ct).ConfigureAwait(false);
                }
            }
        }
    }

    private static string? MediaTypeOf(byte[] bytes)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(bytes);
            return document.RootElement.TryGetProperty("mediaType", out var type) ? type.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
