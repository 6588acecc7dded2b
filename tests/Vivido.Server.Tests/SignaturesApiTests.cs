using System.Text.Json;
using Vivido.Core.Storage;
using Vivido.Server.Tests.Support;
using Vivido.Testing;

namespace Vivido.Server.Tests;

/// <summary>Cosign verification end to end: images pushed to a live registry, signed in the test, verified through the API.</summary>
public sealed class SignaturesApiTests : IAsyncLifetime
{
    private RegistryHarness? _harness;

    private RegistryHarness Harness => _harness!;

    public async Task InitializeAsync() => _harness = await RegistryHarness.StartAsync(TestLifecycleFiles.ReleaseSigned);

    public async Task DisposeAsync() => await _harness!.DisposeAsync();

    [Fact]
    public async Task Verify_SignedByReleaseKey_VerifiedAndTheGuardPasses()
    {
        var (repository, digest) = await Harness.PushAndRegisterAsync("team/api", "v1");
        await TestSignatures.PushAsync(Harness.Registry, "team/api", digest, Harness.Release);

        var result = await Harness.Admin.PostJsonAsync($"/api/v1/images/{digest}/signatures/verify", null);
        using var submit = await Harness.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "submit" });

        result.GetProperty("verified").GetBoolean().ShouldBeTrue();
        result.GetProperty("verifiedBy").EnumerateArray().Select(k => k.GetString()).ShouldBe(["release"]);
        result.GetProperty("identity").GetString().ShouldBe(repository);
        result.GetProperty("reason").ValueKind.ShouldBe(JsonValueKind.Null);
        submit.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var evidence = (await Harness.Store.ListEvidenceAsync(digest, EvidenceKind.Signature)).ShouldHaveSingleItem();
        System.Text.Encoding.UTF8.GetString((await Harness.Store.ReadRawEvidenceAsync(evidence.Id)).ShouldNotBeNull().Content).ShouldContain(digest);
    }

    [Fact]
    public async Task Verify_SignedByDevKeyAsReferrer_VerifiedButTheReleaseGuardRefuses()
    {
        var (_, digest) = await Harness.PushAndRegisterAsync("team/api", "v2");
        await TestSignatures.PushAsync(Harness.Registry, "team/api", digest, Harness.Dev, asReferrer: true);

        var result = await Harness.Admin.PostJsonAsync($"/api/v1/images/{digest}/signatures/verify", null);
        using var submit = await Harness.Admin.PostAsync($"/api/v1/images/{digest}/events", new { @event = "submit" });

        result.GetProperty("verifiedBy").EnumerateArray().Select(k => k.GetString()).ShouldBe(["dev"]);
        var problem = await submit.ShouldBeProblemAsync(422);
        problem.GetProperty("unmetGuards")[0].GetProperty("name").GetString().ShouldBe("release-signed");
    }

    [Fact]
    public async Task Verify_SignedForAnotherRepository_ReferenceMismatch()
    {
        var (_, digest) = await Harness.PushAndRegisterAsync("team/api", "v3");
        await TestSignatures.PushAsync(Harness.Registry, "team/api", digest, Harness.Release, signedReference: "registry.example.com/team/api");

        var result = await Harness.Admin.PostJsonAsync($"/api/v1/images/{digest}/signatures/verify", null);

        result.GetProperty("verified").GetBoolean().ShouldBeFalse();
        result.GetProperty("reason").GetString().ShouldBe("reference-mismatch");
    }

    [Fact]
    public async Task Verify_Unsigned_NotVerifiedNoSignature()
    {
        var (_, digest) = await Harness.PushAndRegisterAsync("team/api", "v4");

        var result = await Harness.Admin.PostJsonAsync($"/api/v1/images/{digest}/signatures/verify", null);

        result.GetProperty("verified").GetBoolean().ShouldBeFalse();
        result.GetProperty("reason").GetString().ShouldBe("no-signature");
        result.GetProperty("signatures").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Verify_RegistryStopped_502ProblemAndNothingStored()
    {
        var (_, digest) = await Harness.PushAndRegisterAsync("team/api", "v5");
        await Harness.Registry.DisposeAsync();

        using var response = await Harness.Admin.PostAsync($"/api/v1/images/{digest}/signatures/verify", null);

        var problem = await response.ShouldBeProblemAsync(502);
        problem.GetProperty("type").GetString().ShouldBe("urn:vivido:problem:registry-unavailable");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(digest);
        (await Harness.Store.ListEvidenceAsync(digest)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Verify_ReaderToken_Forbidden()
    {
        var (_, digest) = await Harness.PushAndRegisterAsync("team/api", "v6");
        var created = await Harness.Admin.PostJsonAsync("/api/v1/tokens", new { name = "viewer", roles = new[] { "reader" } }, 201);

        using var response = await Harness.As(created.GetProperty("secret").GetString()!).PostAsync($"/api/v1/images/{digest}/signatures/verify", null);

        await response.ShouldBeProblemAsync(403);
    }

    [Theory]
    [InlineData("sha256:nothex", "digest", 400)]
    [InlineData("sha256:0000000000000000000000000000000000000000000000000000000000000000", null, 404)]
    public async Task Verify_BadOrUnknownDigest_ProblemWithoutWrites(string digest, string? field, int status)
    {
        var counts = await Harness.Store.CountRowsAsync();

        using var response = await Harness.Admin.PostAsync($"/api/v1/images/{digest}/signatures/verify", null);

        await response.ShouldBeProblemAsync(status, field);
        (await Harness.Store.CountRowsAsync()).ShouldBe(counts);
    }
}
