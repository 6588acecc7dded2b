namespace Vivido.Core.Registries;

/// <summary>Finds the cosign signatures stored next to an image in its registry.</summary>
public interface ISignatureSource
{
    /// <summary>
    /// Every signature of <paramref name="repository"/>@<paramref name="digest"/> (the <c>sha256-&lt;hex&gt;.sig</c>
    /// tag and the referrers API), deduplicated; empty when there is none.
    /// </summary>
    /// <exception cref="RegistryUnavailableException">The registry could not be asked.</exception>
    Task<IReadOnlyList<CosignSignature>> FindSignaturesAsync(string repository, string digest, CancellationToken cancellationToken = default);
}
