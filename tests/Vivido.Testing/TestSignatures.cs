using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Vivido.Testing;

/// <summary>
/// Signs images the way <c>cosign sign --key</c> does, without cosign: an ECDSA P-256 signature over a
/// simple-signing payload, pushed as a manifest under the <c>sha256-&lt;hex&gt;.sig</c> tag, or as a
/// referrer listed in the <c>sha256-&lt;hex&gt;</c> index (the OCI referrers tag schema).
/// </summary>
public static class TestSignatures
{
    public const string SimpleSigningLayer = "application/vnd.dev.cosign.simplesigning.v1+json";
    public const string SignatureArtifactType = "application/vnd.dev.cosign.artifact.sig.v1+json";
    private const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    private const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>The simple-signing payload cosign signs for <paramref name="reference"/>@<paramref name="digest"/>.</summary>
    public static byte[] Payload(string reference, string digest) => Encoding.UTF8.GetBytes(
        "{\"critical\":{\"identity\":{\"docker-reference\":\"" + reference + "\"},\"image\":{\"docker-manifest-digest\":\"" + digest
        + "\"},\"type\":\"cosign container image signature\"},\"optional\":null}");

    /// <summary>
    /// Signs <paramref name="repository"/>@<paramref name="digest"/> in <paramref name="registry"/> with <paramref name="key"/>.
    /// <paramref name="signedReference"/> and <paramref name="signedDigest"/> override what the payload claims (for mismatch tests).
    /// Returns the signature manifest's digest.
    /// </summary>
    public static async Task<string> PushAsync(
        RegistryServer registry,
        string repository,
        string digest,
        ECDsa key,
        bool asReferrer = false,
        string? signedReference = null,
        string? signedDigest = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(key);
        var payload = Payload(signedReference ?? $"{registry.Host}/{repository}", signedDigest ?? digest);
        var signature = Convert.ToBase64String(key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var config = "{}"u8.ToArray();
        using var http = new HttpClient { BaseAddress = registry.BaseAddress };
        var payloadDigest = await UploadBlobAsync(http, repository, payload, cancellationToken).ConfigureAwait(false);
        var configDigest = await UploadBlobAsync(http, repository, config, cancellationToken).ConfigureAwait(false);
        var document = new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["config"] = new { mediaType = "application/vnd.oci.image.config.v1+json", size = config.Length, digest = configDigest },
            ["layers"] = new[]
            {
                new
                {
                    mediaType = SimpleSigningLayer,
                    size = payload.Length,
                    digest = payloadDigest,
                    annotations = new Dictionary<string, string> { ["dev.cosignproject.cosign/signature"] = signature },
                },
            },
        };
        if (asReferrer)
        {
            document["artifactType"] = SignatureArtifactType;
            document["subject"] = new { mediaType = OciManifest, digest, size = 0 };
        }

        var manifest = JsonSerializer.SerializeToUtf8Bytes(document);
        var tag = digest.Replace(':', '-');
        var manifestDigest = Sha256(manifest);
        if (!asReferrer)
        {
            await PutManifestAsync(http, repository, tag + ".sig", manifest, OciManifest, cancellationToken).ConfigureAwait(false);
            return manifestDigest;
        }

        await PutManifestAsync(http, repository, manifestDigest, manifest, OciManifest, cancellationToken).ConfigureAwait(false);
        var index = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = OciIndex,
            manifests = new[] { new { mediaType = OciManifest, digest = manifestDigest, size = manifest.Length, artifactType = SignatureArtifactType } },
        });
        await PutManifestAsync(http, repository, tag, index, OciIndex, cancellationToken).ConfigureAwait(false);
        return manifestDigest;
    }

    private static async Task<string> UploadBlobAsync(HttpClient http, string repository, byte[] bytes, CancellationToken cancellationToken)
    {
        var digest = Sha256(bytes);
        using var start = await http.PostAsync(new Uri($"v2/{repository}/blobs/uploads/", UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        if (start.StatusCode != HttpStatusCode.Accepted || start.Headers.Location is not { } location)
        {
            throw new InvalidOperationException($"blob upload to {repository} not started: {(int)start.StatusCode}");
        }

        var target = location.IsAbsoluteUri ? location : new Uri(http.BaseAddress!, location);
        var separator = target.Query.Length > 0 ? "&" : "?";
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var put = await http.PutAsync(new Uri(target + separator + "digest=" + Uri.EscapeDataString(digest)), content, cancellationToken).ConfigureAwait(false);
        if (put.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"blob upload to {repository} failed: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }

        return digest;
    }

    private static async Task PutManifestAsync(HttpClient http, string repository, string reference, byte[] manifest, string mediaType, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var put = await http.PutAsync(new Uri($"v2/{repository}/manifests/{reference}", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        if (put.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"manifest push to {repository}:{reference} failed: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
    }

    private static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}
