using System.Security.Cryptography;
using System.Text;
using Vivido.Core.Registries;
using Vivido.Core.Signatures;
using Vivido.Registry.Cosign;
using Vivido.Testing;

namespace Vivido.Registry.Tests.Cosign;

/// <summary>Finding cosign signatures in a real CNCF Distribution registry, both routes, then verifying them.</summary>
[Collection("registry")]
public sealed class CosignSignatureSourceTests(RegistryFixture fixture) : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RegistryClientFactory _factory = new(new RegistrySettings([new RegistryHostSettings(fixture.Server.Host, Insecure: true)]));

    public void Dispose()
    {
        _key.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task FindSignaturesAsync_SigTag_ReturnsTheSignedPayload()
    {
        var (repository, digest) = await PushImageAsync("cosign/tagged");
        await TestSignatures.PushAsync(fixture.Server, "cosign/tagged", digest, _key);

        var found = await Source().FindSignaturesAsync(repository, digest);

        var signature = found.ShouldHaveSingleItem();
        signature.Source.ShouldBe("tag " + digest.Replace(':', '-') + ".sig");
        Encoding.UTF8.GetString(signature.Payload).ShouldContain($"\"docker-manifest-digest\":\"{digest}\"");
        Verify(repository, digest, found).VerifiedBy.ShouldBe(["release"]);
    }

    [Fact]
    public async Task FindSignaturesAsync_Referrer_ReturnsTheSignedPayload()
    {
        var (repository, digest) = await PushImageAsync("cosign/referred");
        var manifest = await TestSignatures.PushAsync(fixture.Server, "cosign/referred", digest, _key, asReferrer: true);

        var found = await Source().FindSignaturesAsync(repository, digest);

        found.ShouldHaveSingleItem().Source.ShouldBe("referrer " + manifest);
        Verify(repository, digest, found).Verified.ShouldBeTrue();
    }

    [Fact]
    public async Task FindSignaturesAsync_Unsigned_ReturnsNothing()
    {
        var (repository, digest) = await PushImageAsync("cosign/unsigned");

        (await Source().FindSignaturesAsync(repository, digest)).ShouldBeEmpty();
    }

    [Fact]
    public async Task FindSignaturesAsync_SignedForAnotherDigest_VerifiesAsDigestMismatch()
    {
        var (repository, digest) = await PushImageAsync("cosign/mismatch");
        await TestSignatures.PushAsync(fixture.Server, "cosign/mismatch", digest, _key, signedDigest: "sha256:" + new string('b', 64));

        var verdict = Verify(repository, digest, await Source().FindSignaturesAsync(repository, digest));

        verdict.Reason.ShouldBe(SignatureReasons.DigestMismatch);
    }

    [Fact]
    public async Task FindSignaturesAsync_RegistryStopped_ThrowsUnavailable()
    {
        using var stopped = await StoppedRegistry.CreateAsync();
        var (host, factory) = (stopped.Host, stopped.Factory);

        var error = await Should.ThrowAsync<RegistryUnavailableException>(
            () => new CosignSignatureSource(factory).FindSignaturesAsync(host + "/cosign/gone", "sha256:" + new string('c', 64)));

        error.Message.ShouldContain(host);
    }

    private CosignSignatureSource Source() => new(_factory);

    private SignatureVerdict Verify(string repository, string digest, IReadOnlyList<CosignSignature> found)
    {
        using var keys = SigningKeyring.FromPem(new Dictionary<string, string> { ["release"] = _key.ExportSubjectPublicKeyInfoPem() });
        return CosignVerifier.Verify(keys, repository, digest, found);
    }

    private async Task<(string Repository, string Digest)> PushImageAsync(string path)
    {
        var digest = await TestImages.PushAsync(fixture.Server, path, "v1");
        return ($"{fixture.Server.Host}/{path}", digest);
    }
}
