using Vivido.Core.Registries;

namespace Vivido.Registry.Cosign;

/// <summary>
/// Finds cosign signatures in the image's registry by both routes cosign uses: the manifest tagged
/// <c>sha256-&lt;hex&gt;.sig</c>, and the referrers API (artifact type <see cref="CosignManifest.SignatureArtifactType"/>,
/// with the registry client's tag-schema fallback). Each simple-signing layer's blob is the payload.
/// </summary>
public sealed class CosignSignatureSource : ISignatureSource
{
    /// <summary>The largest signature payload read; cosign's are a few hundred bytes.</summary>
    public const long MaxPayloadBytes = 64 * 1024;

    /// <summary>At most this many referrer manifests are read per image.</summary>
    public const int MaxReferrers = 32;

    private readonly RegistryClientFactory _registries;

    public CosignSignatureSource(RegistryClientFactory registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        _registries = registries;
    }

    public async Task<IReadOnlyList<CosignSignature>> FindSignaturesAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        var (host, path) = RepositoryNames.Split(repository);
        try
        {
            var client = _registries.For(host);
            var found = new List<CosignSignature>();
            var seen = new HashSet<(string, string)>();
            var tag = digest.Replace(':', '-') + ".sig";
            if (await client.GetManifestAsync(path, tag, cancellationToken).ConfigureAwait(false) is { } tagged)
            {
                await ReadLayersAsync(client, path, tagged.Bytes, "tag " + tag, found, seen, cancellationToken).ConfigureAwait(false);
            }

            var referrers = await client.ListReferrersAsync(path, digest, CosignManifest.SignatureArtifactType, cancellationToken).ConfigureAwait(false);
            foreach (var referrer in referrers.Take(MaxReferrers))
            {
                if (await client.GetManifestAsync(path, referrer.Digest, cancellationToken).ConfigureAwait(false) is { } manifest)
                {
                    await ReadLayersAsync(client, path, manifest.Bytes, "referrer " + referrer.Digest, found, seen, cancellationToken).ConfigureAwait(false);
                }
            }

            return found;
        }
        catch (RegistryException ex)
        {
            throw new RegistryUnavailableException(ex.Message, ex);
        }
        catch (ArgumentException ex)
        {
            throw new RegistryUnavailableException($"{repository} cannot be looked up in a registry: {ex.Message}", ex);
        }
    }

    private static async Task ReadLayersAsync(
        RegistryClient client, string path, byte[] manifest, string source, List<CosignSignature> found, HashSet<(string, string)> seen, CancellationToken cancellationToken)
    {
        foreach (var (payloadDigest, signature) in CosignManifest.Layers(manifest))
        {
            if (seen.Add((payloadDigest, signature)))
            {
                var payload = await client.GetBlobAsync(path, payloadDigest, MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
                found.Add(new CosignSignature(payload, signature, source));
            }
        }
    }
}
