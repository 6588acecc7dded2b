using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Vivido.Testing;

namespace Vivido.Registry.Tests;

/// <summary>The client against a real CNCF Distribution registry, with images built by umoci and pushed by skopeo.</summary>
[Collection("registry")]
public sealed class LiveRegistryTests(RegistryFixture fixture)
{
    private RegistryClient Client => fixture.Client;

    [Fact]
    public async Task PingAsync_LiveRegistry_Succeeds()
    {
        await Should.NotThrowAsync(() => Client.PingAsync());
    }

    [Fact]
    public async Task ListRepositoriesAsync_AfterPushes_ListsThem()
    {
        await TestImages.PushAsync(fixture.Server, "live/catalog-a", "v1");
        await TestImages.PushAsync(fixture.Server, "live/catalog-b", "v1");

        var repositories = await Client.ListRepositoriesAsync().ToListAsync();

        repositories.ShouldContain("live/catalog-a");
        repositories.ShouldContain("live/catalog-b");
    }

    [Fact]
    public async Task ListTagsAsync_ThreeTags_ListsAllThree()
    {
        foreach (var tag in new[] { "1.0", "1.1", "latest" })
        {
            await TestImages.PushAsync(fixture.Server, "live/tags", tag);
        }

        var tags = await Client.ListTagsAsync("live/tags").ToListAsync();

        tags.Order(StringComparer.Ordinal).ShouldBe(["1.0", "1.1", "latest"]);
    }

    [Fact]
    public async Task ListTagsAsync_UnknownRepository_ThrowsNotFoundNamingRepository()
    {
        var error = await Should.ThrowAsync<RegistryException>(() => Client.ListTagsAsync("live/nothing-here").ToListAsync().AsTask());

        error.Status.ShouldBe(HttpStatusCode.NotFound);
        error.Message.ShouldContain(fixture.Server.Host);
        error.Message.ShouldContain("live/nothing-here");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task ResolveAsync_PushedTag_ReturnsPushedDigest()
    {
        var digest = await TestImages.PushAsync(fixture.Server, "live/resolve", "v1");

        var descriptor = await Client.ResolveAsync("live/resolve", "v1");

        descriptor.ShouldNotBeNull();
        descriptor.Digest.ShouldBe(digest);
        descriptor.MediaType.ShouldBe(MediaTypes.OciManifest);
        descriptor.Size.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ResolveAsync_UnknownTag_ReturnsNull()
    {
        await TestImages.PushAsync(fixture.Server, "live/resolve-missing", "v1");

        (await Client.ResolveAsync("live/resolve-missing", "nope")).ShouldBeNull();
    }

    [Fact]
    public async Task GetManifestAsync_ByDigest_BytesHashToDigest()
    {
        var digest = await TestImages.PushAsync(fixture.Server, "live/manifest", "v1");

        var manifest = await Client.GetManifestAsync("live/manifest", digest);

        manifest.ShouldNotBeNull();
        manifest.Digest.ShouldBe(digest);
        Encoding.UTF8.GetString(manifest.Bytes).ShouldContain("\"layers\"");
    }

    [Fact]
    public async Task ReadImageDetailsAsync_PushedImage_ReadsPlatformAndSize()
    {
        var digest = await TestImages.PushAsync(fixture.Server, "live/details", "v1");

        var details = await Client.ReadImageDetailsAsync("live/details", digest);

        details.Digest.ShouldBe(digest);
        details.Os.ShouldBe("linux");
        details.Architecture.ShouldNotBeNullOrEmpty();
        details.Size.ShouldBeGreaterThan(0);
        details.Created.ShouldNotBeNull();
    }

    [Fact]
    public async Task DeleteManifestAsync_Existing_DeletesThenReportsNotFound()
    {
        var digest = await TestImages.PushAsync(fixture.Server, "live/delete", "v1");

        (await Client.DeleteManifestAsync("live/delete", digest)).ShouldBeTrue();
        (await Client.ResolveAsync("live/delete", digest)).ShouldBeNull();
        (await Client.DeleteManifestAsync("live/delete", digest)).ShouldBeFalse();
    }

    [Fact]
    public async Task ListReferrersAsync_NoReferrersApi_FallsBackToTagSchemaIndex()
    {
        var digest = await TestImages.PushAsync(fixture.Server, "live/referrers", "v1");
        var signature = await TestImages.PushAsync(fixture.Server, "live/referrers", "sig");
        var signatureDescriptor = await Client.ResolveAsync("live/referrers", signature);
        var index = $$"""
            {"schemaVersion":2,"mediaType":"{{MediaTypes.OciIndex}}","manifests":[
              {"mediaType":"{{MediaTypes.OciManifest}}","digest":"{{signature}}","size":{{signatureDescriptor!.Size}},
               "artifactType":"application/vnd.dev.cosign.artifact.sig.v1+json","annotations":{"who":"test"} } ] }
            """;
        await PutManifestAsync("live/referrers", digest.Replace(':', '-'), index, MediaTypes.OciIndex);

        var all = await Client.ListReferrersAsync("live/referrers", digest);
        var filtered = await Client.ListReferrersAsync("live/referrers", digest, "application/other");

        all.ShouldHaveSingleItem().Digest.ShouldBe(signature);
        all[0].ArtifactType.ShouldBe("application/vnd.dev.cosign.artifact.sig.v1+json");
        all[0].Annotations!["who"].ShouldBe("test");
        filtered.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListReferrersAsync_NoReferrers_ReturnsEmpty()
    {
        var digest = await TestImages.PushAsync(fixture.Server, "live/referrers-none", "v1");

        (await Client.ListReferrersAsync("live/referrers-none", digest)).ShouldBeEmpty();
    }

    private async Task PutManifestAsync(string repository, string tag, string json, string mediaType)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await http.PutAsync(new Uri($"v2/{repository}/manifests/{tag}", UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
