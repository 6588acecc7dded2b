using System.Security.Cryptography;
using System.Text;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles;
using Vivido.Core.Registries;
using Vivido.Core.Service;
using Vivido.Core.Signatures;
using Vivido.Core.Storage;
using Vivido.Core.Tests.Support;
using Vivido.Store.Sqlite;
using Vivido.Testing;

namespace Vivido.Core.Tests.Service;

/// <summary>Signature verification on the real SQLite store; the registry is a fake that returns given signatures.</summary>
public sealed class SignatureServiceTests : IAsyncLifetime, IDisposable
{
    private const string Repository = "registry.example.com/team/app";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Caller Ci = new("ci-bot", [Roles.Ci], []);

    private readonly ManualTimeProvider _time = new(T0);
    private readonly ECDsa _release = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _dev = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private SqliteFixture? _database;

    private SqliteStore Store => _database!.Store;

    public async Task InitializeAsync() => _database = await SqliteFixture.CreateAsync();

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    public void Dispose()
    {
        _release.Dispose();
        _dev.Dispose();
    }

    [Fact]
    public async Task VerifyAsync_AliceFixture_StoresVerifiedEvidenceWithThePayload()
    {
        const string digest = "sha256:071bf7a986f1ca9cb2a1f0bc8392822a7777f90d58f2d2c6f271913e08de7c81";
        await RegisterAsync(digest, "securesystemsengineering/testimage");
        var payload = await File.ReadAllBytesAsync(TestPaths.Fixture("cosign", "testimage-071bf7a9.payload.json"));
        var signature = (await File.ReadAllTextAsync(TestPaths.Fixture("cosign", "testimage-071bf7a9.payload.sig"))).Trim();
        using var keys = SigningKeyring.Load(new Dictionary<string, string> { ["alice"] = TestPaths.Fixture("cosign", "alice-cosign.pub") });

        var result = await Service(keys, new FakeSource([new CosignSignature(payload, signature, "fixture")])).VerifyAsync(Ci, digest);

        result.Value.ShouldNotBeNull().ShouldBe(result.Value with
        {
            Verified = true,
            Reason = null,
            Identity = "index.docker.io/securesystemsengineering/testimage",
            Signatures = 1,
            At = T0,
        });
        result.Value.VerifiedBy.ShouldBe(["alice"]);
        var evidence = (await Store.ListEvidenceAsync(digest, EvidenceKind.Signature)).ShouldHaveSingleItem();
        (await Store.ReadRawEvidenceAsync(evidence.Id)).ShouldNotBeNull().Content.ShouldBe(payload);
        evidence.Actor.ShouldBe("ci-bot");
        var fact = evidence.Fact.ShouldBeOfType<SignatureFact>();
        fact.Verified.ShouldBeTrue();
        fact.VerifiedBy.ShouldBe(["alice"]);
        (await Store.LoadSnapshotAsync(digest))!.Facts.Signature!.VerifiedBy.ShouldBe(["alice"]);
    }

    [Fact]
    public async Task VerifyAsync_NoSignatureInRegistry_StoresNotVerifiedWithReason()
    {
        var digest = await RegisterAsync(Digest(1));

        var result = await Service(Keys(), new FakeSource([])).VerifyAsync(Ci, digest);

        result.Value.ShouldNotBeNull().Reason.ShouldBe(SignatureReasons.NoSignature);
        var fact = (await Store.LoadSnapshotAsync(digest))!.Facts.Signature.ShouldNotBeNull();
        fact.ShouldBe(fact with { Verified = false, Reason = SignatureReasons.NoSignature, Identity = "" });
    }

    [Fact]
    public async Task VerifyAsync_GuardRequiringReleaseKey_PassesOnlyForTheReleaseKey()
    {
        var lifecycle = LifecycleLoader.Load(TestLifecycleFiles.ReleaseSigned, "signed.yaml").Lifecycle.ShouldNotBeNull();
        var byRelease = await RegisterAsync(Digest(2));
        var byDev = await RegisterAsync(Digest(3));
        using var keys = Keys();
        await Service(keys, new FakeSource([Sign(_release, byRelease)])).VerifyAsync(Ci, byRelease);
        await Service(keys, new FakeSource([Sign(_dev, byDev)])).VerifyAsync(Ci, byDev);
        var transitions = new TransitionService(Store, lifecycle, _time);

        var accepted = await transitions.FireEventAsync(Ci, byRelease, "submit", null, null);
        var refused = await transitions.FireEventAsync(Ci, byDev, "submit", null, null);

        accepted.Value.ShouldNotBeNull().Image.State.ShouldBe("Signed");
        refused.Failure.ShouldBeOfType<GuardsUnmet>().Unmet.ShouldHaveSingleItem().Name.ShouldBe("release-signed");
    }

    [Fact]
    public async Task VerifyAsync_RegistryDown_FailsAndWritesNothing()
    {
        var digest = await RegisterAsync(Digest(4));
        var counts = await Store.CountRowsAsync();

        var result = await Service(Keys(), new FakeSource(null)).VerifyAsync(Ci, digest);

        result.Failure.ShouldBeOfType<RegistryUnreachable>().Message.ShouldContain("connection refused");
        (await Store.CountRowsAsync()).ShouldBe(counts);
    }

    [Fact]
    public async Task VerifyAsync_OtherRepositoryNamed_InvalidInputAndNothingWritten()
    {
        var digest = await RegisterAsync(Digest(5));

        var result = await Service(Keys(), new FakeSource([])).VerifyAsync(Ci, digest, "registry.example.com/team/other");

        result.Failure.ShouldBeOfType<InvalidInput>().Field.ShouldBe("repository");
        (await Store.ListEvidenceAsync(digest)).ShouldBeEmpty();
    }

    [Fact]
    public async Task VerifyAsync_NoKeysConfigured_ConflictNamingTheOption()
    {
        var digest = await RegisterAsync(Digest(6));

        var result = await Service(SigningKeyring.Empty, new FakeSource([])).VerifyAsync(Ci, digest);

        result.Failure.ShouldBeOfType<StateConflict>().Message.ShouldContain("--signing-key");
    }

    [Fact]
    public async Task VerifyAsync_UnknownDigest_NotFound()
    {
        var result = await Service(Keys(), new FakeSource([])).VerifyAsync(Ci, Digest(7));

        result.Failure.ShouldBeOfType<ResourceNotFound>();
    }

    private SignatureService Service(SigningKeyring keys, ISignatureSource source) => new(Store, source, keys, _time);

    private SigningKeyring Keys() => SigningKeyring.FromPem(new Dictionary<string, string>
    {
        ["release"] = _release.ExportSubjectPublicKeyInfoPem(),
        ["dev"] = _dev.ExportSubjectPublicKeyInfoPem(),
    });

    private static CosignSignature Sign(ECDsa key, string digest)
    {
        var payload = Encoding.UTF8.GetBytes(
            $$"""{"critical":{"identity":{"docker-reference":"{{Repository}}"},"image":{"docker-manifest-digest":"{{digest}}"},"type":"cosign container image signature"},"optional":null}""");
        return new CosignSignature(payload, Convert.ToBase64String(key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)), "test");
    }

    private async Task<string> RegisterAsync(string digest, string repository = Repository)
    {
        await Store.RegisterImageAsync(new ImageRegistration(digest, repository, "Building", [], new Dictionary<string, string>(), "ci-bot", _time.Now));
        return digest;
    }

    private static string Digest(int n) => "sha256:" + n.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Returns the given signatures, or throws as an unreachable registry when given null.</summary>
    private sealed class FakeSource(IReadOnlyList<CosignSignature>? signatures) : ISignatureSource
    {
        public Task<IReadOnlyList<CosignSignature>> FindSignaturesAsync(string repository, string digest, CancellationToken cancellationToken = default) =>
            signatures is null
                ? throw new RegistryUnavailableException("registry.example.com: connection refused")
                : Task.FromResult(signatures);
    }
}
