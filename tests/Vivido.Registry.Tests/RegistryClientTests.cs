using System.Net;
using System.Text;

namespace Vivido.Registry.Tests;

/// <summary>The client's auth flows, pagination, errors and retries against a stub handler.</summary>
public sealed class RegistryClientTests
{
    private const string Host = "registry.test";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly InstantTime _time = new();

    [Fact]
    public async Task ResolveAsync_BearerChallenge_FetchesTokenWithCredentialsAndCachesItUntilExpiry()
    {
        var tokens = 0;
        var handler = new StubHandler(request =>
        {
            if (request.RequestUri!.Host == "auth.test")
            {
                tokens++;
                request.RequestUri.Query.ShouldContain("service=registry.test");
                request.RequestUri.Query.ShouldContain("scope=repository%3Ateam%2Fapp%3Apull");
                return Json("""{"token":"T1","expires_in":120}""");
            }

            if (request.Headers.Authorization?.ToString() != "Bearer T1")
            {
                var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized);
                challenge.Headers.TryAddWithoutValidation(
                    "WWW-Authenticate", "Bearer realm=\"https://auth.test/token\",service=\"registry.test\",scope=\"repository:team/app:pull\"");
                return challenge;
            }

            return Manifest();
        });
        using var factory = Factory(handler, new RegistryHostSettings(Host, Username: "ci", Password: "secret"));
        var client = factory.For(Host);

        (await client.ResolveAsync("team/app", "v1"))!.Digest.ShouldBe(Digest);
        (await client.ResolveAsync("team/app", "v2"))!.Digest.ShouldBe(Digest);
        tokens.ShouldBe(1);
        handler.Requests.Single(r => r.Url.StartsWith("https://auth.test", StringComparison.Ordinal)).Authorization
            .ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:secret")));

        _time.Advance(TimeSpan.FromSeconds(121));
        await client.ResolveAsync("team/app", "v3");
        tokens.ShouldBe(2);
    }

    [Fact]
    public async Task PingAsync_BasicChallengeWithCredentials_RetriesWithBasic()
    {
        var handler = new StubHandler(request => request.Headers.Authorization is null
            ? Challenge("Basic realm=\"registry\"")
            : new HttpResponseMessage(HttpStatusCode.OK));
        using var factory = Factory(handler, new RegistryHostSettings(Host, Username: "u", Password: "p"));

        await factory.For(Host).PingAsync();

        handler.Requests.Last().Authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p")));
    }

    [Fact]
    public async Task PingAsync_BasicChallengeWithoutCredentials_ThrowsOneLine401()
    {
        using var factory = Factory(new StubHandler(_ => Challenge("Basic realm=\"registry\"")));

        var error = await Should.ThrowAsync<RegistryException>(() => factory.For(Host).PingAsync());

        error.Status.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldBe("registry registry.test: ping: 401 Unauthorized (no credentials configured for this registry)");
    }

    [Fact]
    public async Task ListTagsAsync_LinkPagination_FollowsNextUntilTheEnd()
    {
        var handler = new StubHandler(request =>
        {
            if (request.RequestUri!.Query.Contains("last=b", StringComparison.Ordinal))
            {
                return Json("""{"name":"team/app","tags":["c"]}""");
            }

            var first = Json("""{"name":"team/app","tags":["a","b"]}""");
            first.Headers.TryAddWithoutValidation("Link", "</v2/team/app/tags/list?last=b&n=2>; rel=\"next\"");
            return first;
        });
        using var factory = Factory(handler);

        var tags = await factory.For(Host).ListTagsAsync("team/app").ToListAsync();

        tags.ShouldBe(["a", "b", "c"]);
        handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ResolveAsync_TooManyRequestsWithRetryAfter_WaitsAsToldThenSucceeds()
    {
        var calls = 0;
        var handler = new StubHandler(_ =>
        {
            if (++calls == 1)
            {
                var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                limited.Headers.TryAddWithoutValidation("Retry-After", "3");
                return limited;
            }

            return Manifest();
        });
        using var factory = Factory(handler);

        (await factory.For(Host).ResolveAsync("team/app", "v1"))!.Digest.ShouldBe(Digest);

        _time.Waits.ShouldBe([TimeSpan.FromSeconds(3)]);
    }

    [Fact]
    public async Task ResolveAsync_ServiceUnavailableEveryTime_ThrowsAfterMaxAttempts()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var factory = Factory(handler);

        var error = await Should.ThrowAsync<RegistryException>(() => factory.For(Host).ResolveAsync("team/app", "v1"));

        error.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        error.Message.ShouldContain("repository team/app");
        handler.Requests.Count.ShouldBe(RegistryRetryOptions.Default.MaxAttempts);
    }

    [Fact]
    public async Task ResolveAsync_NoDigestHeader_HashesTheManifest()
    {
        var body = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}""";
        var handler = new StubHandler(request =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(request.Method == HttpMethod.Head ? string.Empty : body) };
            response.Content.Headers.ContentType = new(MediaTypes.OciManifest);
            return response;
        });
        using var factory = Factory(handler);

        var descriptor = await factory.For(Host).ResolveAsync("team/app", "v1");

        descriptor!.Digest.ShouldBe("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body))));
    }

    [Fact]
    public async Task DeleteManifestAsync_BadGatewayThenGone_ReportsDeletedWithoutSecondDelete()
    {
        var handler = new StubHandler(request => request.Method == HttpMethod.Delete
            ? new HttpResponseMessage(HttpStatusCode.BadGateway)
            : new HttpResponseMessage(HttpStatusCode.NotFound));
        using var factory = Factory(handler);

        (await factory.For(Host).DeleteManifestAsync("team/app", Digest)).ShouldBeTrue();

        handler.Requests.Count(r => r.Method == HttpMethod.Delete).ShouldBe(1);
    }

    [Fact]
    public async Task DeleteManifestAsync_ServerError_IsNotRetried()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        using var factory = Factory(handler);

        var error = await Should.ThrowAsync<RegistryException>(() => factory.For(Host).DeleteManifestAsync("team/app", Digest));

        error.Status.ShouldBe(HttpStatusCode.InternalServerError);
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetManifestAsync_NotFoundBody_ReturnsNull()
    {
        using var factory = Factory(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));

        (await factory.For(Host).GetManifestAsync("team/app", "v1")).ShouldBeNull();
    }

    [Fact]
    public async Task ResolveAsync_InvalidRepository_ThrowsArgumentExceptionBeforeSending()
    {
        var handler = new StubHandler(_ => Manifest());
        using var factory = Factory(handler);

        await Should.ThrowAsync<ArgumentException>(() => factory.For(Host).ResolveAsync("Team/../app", "v1"));
        handler.Requests.ShouldBeEmpty();
    }

    private RegistryClientFactory Factory(StubHandler handler, RegistryHostSettings? host = null) =>
        new(new RegistrySettings([host ?? new RegistryHostSettings(Host)]), handler, _time);

    private static HttpResponseMessage Challenge(string value)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", value);
        return response;
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Manifest()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        response.Content.Headers.ContentType = new(MediaTypes.OciManifest);
        response.Headers.TryAddWithoutValidation("Docker-Content-Digest", Digest);
        return response;
    }
}
