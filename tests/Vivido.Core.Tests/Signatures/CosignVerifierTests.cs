using System.Security.Cryptography;
using System.Text;
using Vivido.Core.Registries;
using Vivido.Core.Signatures;
using Vivido.Testing;

namespace Vivido.Core.Tests.Signatures;

/// <summary>Key-based cosign verification on the real alice triple from connaisseur's test data.</summary>
public sealed class CosignVerifierTests
{
    private const string Repository = "securesystemsengineering/testimage";
    private const string Digest = "sha256:071bf7a986f1ca9cb2a1f0bc8392822a7777f90d58f2d2c6f271913e08de7c81";

    private static readonly byte[] Payload = File.ReadAllBytes(TestPaths.Fixture("cosign", "testimage-071bf7a9.payload.json"));
    private static readonly string Signature = File.ReadAllText(TestPaths.Fixture("cosign", "testimage-071bf7a9.payload.sig")).Trim();
    private static readonly string AlicePem = File.ReadAllText(TestPaths.Fixture("cosign", "alice-cosign.pub"));

    [Fact]
    public void Verify_AliceTriple_VerifiedByAlice()
    {
        using var keys = Keys(("alice", AlicePem));

        var verdict = CosignVerifier.Verify(keys, Repository, Digest, [Fixture()]);

        verdict.ShouldBe(verdict with { Verified = true, Reason = null, Identity = "index.docker.io/securesystemsengineering/testimage", Signatures = 1 });
        verdict.VerifiedBy.ShouldBe(["alice"]);
        verdict.Payload.ShouldBe(Encoding.UTF8.GetString(Payload));
    }

    [Fact]
    public void Verify_AnotherKey_BadSignature()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var keys = Keys(("bob", other.ExportSubjectPublicKeyInfoPem()));

        var verdict = CosignVerifier.Verify(keys, Repository, Digest, [Fixture()]);

        verdict.Verified.ShouldBeFalse();
        verdict.Reason.ShouldBe(SignatureReasons.BadSignature);
        verdict.VerifiedBy.ShouldBeEmpty();
    }

    [Fact]
    public void Verify_TamperedPayload_BadSignature()
    {
        using var keys = Keys(("alice", AlicePem));
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Payload).Replace("testimage", "testimagf", StringComparison.Ordinal));

        var verdict = CosignVerifier.Verify(keys, Repository, Digest, [new CosignSignature(tampered, Signature, "test")]);

        verdict.Verified.ShouldBeFalse();
        verdict.Reason.ShouldBe(SignatureReasons.BadSignature);
    }

    [Fact]
    public void Verify_SignatureOfAnotherDigest_DigestMismatch()
    {
        using var keys = Keys(("alice", AlicePem));

        var verdict = CosignVerifier.Verify(keys, Repository, "sha256:" + new string('a', 64), [Fixture()]);

        verdict.Verified.ShouldBeFalse();
        verdict.Reason.ShouldBe(SignatureReasons.DigestMismatch);
        verdict.Identity.ShouldBe("index.docker.io/securesystemsengineering/testimage");
    }

    [Fact]
    public void Verify_SignatureOfAnotherRepository_ReferenceMismatch()
    {
        using var keys = Keys(("alice", AlicePem));

        var verdict = CosignVerifier.Verify(keys, "registry.example.com/securesystemsengineering/testimage", Digest, [Fixture()]);

        verdict.Verified.ShouldBeFalse();
        verdict.Reason.ShouldBe(SignatureReasons.ReferenceMismatch);
    }

    [Fact]
    public void Verify_NoSignatures_NoSignature()
    {
        using var keys = Keys(("alice", AlicePem));

        var verdict = CosignVerifier.Verify(keys, Repository, Digest, []);

        verdict.ShouldBe(verdict with { Verified = false, Reason = SignatureReasons.NoSignature, Identity = "", Payload = null, Signatures = 0 });
    }

    [Fact]
    public void Verify_TwoKeysOnlyOneSigned_ListsOnlyTheSigningKey()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var keys = Keys(("alice", AlicePem), ("release", other.ExportSubjectPublicKeyInfoPem()));

        var verdict = CosignVerifier.Verify(keys, Repository, Digest, [Fixture()]);

        verdict.Verified.ShouldBeTrue();
        verdict.VerifiedBy.ShouldBe(["alice"]);
    }

    [Fact]
    public void Verify_TwoSignaturesByTwoKeys_ListsBothKeys()
    {
        using var release = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var keys = Keys(("alice", AlicePem), ("release", release.ExportSubjectPublicKeyInfoPem()));
        var byRelease = Convert.ToBase64String(release.SignData(Payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        var verdict = CosignVerifier.Verify(keys, Repository, Digest, [Fixture(), new CosignSignature(Payload, byRelease, "referrer")]);

        verdict.Verified.ShouldBeTrue();
        verdict.VerifiedBy.ShouldBe(["alice", "release"]);
        verdict.Signatures.ShouldBe(2);
    }

    [Fact]
    public void Verify_SignedPayloadThatIsNotSimpleSigning_MalformedPayload()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var keys = Keys(("k", key.ExportSubjectPublicKeyInfoPem()));
        var payload = "{\"critical\":{}}"u8.ToArray();
        var signature = Convert.ToBase64String(key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        var verdict = CosignVerifier.Verify(keys, Repository, Digest, [new CosignSignature(payload, signature, "test")]);

        verdict.Reason.ShouldBe(SignatureReasons.MalformedPayload);
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("")]
    [InlineData("AAAA")]
    public void Verify_GarbageSignature_BadSignature(string signature)
    {
        using var keys = Keys(("alice", AlicePem));

        var verdict = CosignVerifier.Verify(keys, Repository, Digest, [new CosignSignature(Payload, signature, "test")]);

        verdict.Reason.ShouldBe(SignatureReasons.BadSignature);
    }

    private static CosignSignature Fixture() => new(Payload, Signature, "fixture");

    private static SigningKeyring Keys(params (string Name, string Pem)[] keys) =>
        SigningKeyring.FromPem(keys.ToDictionary(k => k.Name, k => k.Pem));
}
