using Vivido.Core.Images;
using Vivido.Core.Registries;
using Vivido.Core.Signatures;
using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>Verifies an image's cosign signatures against the configured keys and stores the result as signature evidence.</summary>
public sealed class SignatureService
{
    private readonly IVividoStore _store;
    private readonly ISignatureSource _source;
    private readonly SigningKeyring _keys;
    private readonly TimeProvider _time;

    public SignatureService(IVividoStore store, ISignatureSource source, SigningKeyring keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _source = source;
        _keys = keys;
        _time = time;
    }

    /// <summary>
    /// Finds the digest's signatures in its registry, verifies them and attaches the result (verified or
    /// not, with the reason) as signature evidence whose raw document is the signed payload. A registry
    /// that cannot answer is a <see cref="RegistryUnreachable"/> failure and nothing is written.
    /// </summary>
    /// <param name="caller">The token.</param>
    /// <param name="digest">The image.</param>
    /// <param name="repository">When given, the repository the caller expects the digest in; another one is a 400.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public async Task<ServiceResult<SignatureCheck>> VerifyAsync(Caller caller, string? digest, string? repository = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var image = await ImageAccess.LoadAsync(_store, caller, digest, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        if (repository is not null && repository != image.Value.Repository)
        {
            return new InvalidInput("repository", $"{image.Value.Digest} is registered in repository {image.Value.Repository}, not {repository}");
        }

        if (_keys.Names.Count == 0)
        {
            return new StateConflict("no signing keys are configured: start the server with --signing-key NAME=FILE");
        }

        var name = image.Value.Repository;
        IReadOnlyList<CosignSignature> found;
        try
        {
            found = await _source.FindSignaturesAsync(name, image.Value.Digest, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryUnavailableException ex)
        {
            return new RegistryUnreachable($"cannot read the signatures of {name}@{image.Value.Digest}: {ex.Message}");
        }

        var verdict = CosignVerifier.Verify(_keys, name, image.Value.Digest, found);
        var at = _time.GetUtcNow();
        var fact = new SignatureFact(verdict.Verified, verdict.Identity, at, verdict.VerifiedBy, verdict.Reason);
        var stored = await _store.AttachEvidenceAsync(
            new EvidenceAttachment(image.Value.Digest, fact, verdict.Payload, verdict.Payload is null ? null : "application/vnd.dev.cosign.simplesigning.v1+json", caller.Name, at),
            cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return ImageAccess.NotFound(image.Value.Digest);
        }

        return new SignatureCheck(
            image.Value.Digest, name, verdict.Verified, verdict.VerifiedBy, verdict.Reason, verdict.Identity, verdict.Signatures, stored.At, stored.Id);
    }
}
