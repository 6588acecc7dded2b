using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vivido.Testing;

namespace Vivido.Cli.Tests;

/// <summary><c>vivido import</c> against a live registry (images pushed by skopeo) and a real Vivido server.</summary>
public sealed class ImportCommandTests(ClientTestServer server) : IClassFixture<ClientTestServer>, IAsyncLifetime
{
    private RegistryServer? _registry;

    private RegistryServer Registry => _registry!;

    public async Task InitializeAsync() => _registry = await RegistryServer.StartAsync();

    public async Task DisposeAsync() => await Registry.DisposeAsync();

    [Fact]
    public async Task Import_FreshRegistry_RegistersEveryDigestInUnknownWithItsTags()
    {
        var api = await TestImages.PushAsync(Registry, "imp1/api", "1.0");
        await CopyTagAsync("imp1/api", "1.0", "latest");
        var web = await TestImages.PushAsync(Registry, "imp1/web", "2.0");

        var run = await ImportAsync();

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        run.Output.ShouldStartWith("2 new, 0 known, 0 failed (3 tags)");
        var image = await GetImageAsync(api);
        image.GetProperty("state").GetString().ShouldBe("Unknown");
        image.GetProperty("repository").GetString().ShouldBe($"{Registry.Host}/imp1/api");
        image.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal).ShouldBe(["1.0", "latest"]);
        (await GetImageAsync(web)).GetProperty("state").GetString().ShouldBe("Unknown");
    }

    [Fact]
    public async Task Adopt_ImportedImage_AdminMovesItToActive()
    {
        var digest = await TestImages.PushAsync(Registry, "imp8/api", "v1");
        (await ImportAsync()).ExitCode.ShouldBe(0);

        var run = await server.AdminAsync("event", digest, "adopt", "--param", "to=Active", "--reason", "running in prod since 2024");

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        (await GetImageAsync(digest)).GetProperty("state").GetString().ShouldBe("Active");
    }

    [Fact]
    public async Task Import_SecondRun_RegistersNothingNew()
    {
        await TestImages.PushAsync(Registry, "imp2/api", "1.0");
        await TestImages.PushAsync(Registry, "imp2/api", "1.1");
        (await ImportAsync()).ExitCode.ShouldBe(0);

        var again = await ImportAsync();

        again.ExitCode.ShouldBe(0, again.Output + again.Error);
        again.Output.ShouldStartWith("0 new, 2 known, 0 failed");
    }

    [Fact]
    public async Task Import_AfterInterruptedRun_RegistersOnlyTheRest()
    {
        // An interrupted run leaves part of the registry imported: here, one repository of three.
        string[] digests =
        [
            await TestImages.PushAsync(Registry, "imp3/a", "v1"),
            await TestImages.PushAsync(Registry, "imp3/b", "v1"),
            await TestImages.PushAsync(Registry, "imp3/c", "v1"),
        ];
        (await ImportAsync("--repository", "imp3/a")).Output.ShouldStartWith("1 new");

        var rest = await ImportAsync();

        rest.ExitCode.ShouldBe(0, rest.Output + rest.Error);
        rest.Output.ShouldStartWith("2 new, 1 known, 0 failed");
        foreach (var digest in digests)
        {
            (await GetImageAsync(digest)).GetProperty("state").GetString().ShouldBe("Unknown");
        }
    }

    [Fact]
    public async Task Import_RepositoryGlob_ImportsOnlyMatchingRepositories()
    {
        var wanted = await TestImages.PushAsync(Registry, "imp4/team-a/api", "v1");
        var other = await TestImages.PushAsync(Registry, "imp4/team-b/api", "v1");

        var run = await ImportAsync("--repository", "imp4/team-a/*");

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        run.Output.ShouldStartWith("1 new, 0 known, 0 failed (1 tags)");
        (await GetImageStatusAsync(wanted)).ShouldBe(HttpStatusCode.OK);
        (await GetImageStatusAsync(other)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_DryRun_CountsWithoutRegistering()
    {
        var digest = await TestImages.PushAsync(Registry, "imp5/api", "v1");

        var run = await ImportAsync("--dry-run", "-o", "json");

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        var report = run.Json();
        report.GetProperty("new").GetInt32().ShouldBe(1);
        report.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        (await GetImageStatusAsync(digest)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_DigestOwnedByAnotherRepository_ReportsFailureAndExits1()
    {
        var digest = await TestImages.PushAsync(Registry, "imp6/api", "v1");
        (await server.AdminAsync("register", $"elsewhere/api@{digest}")).ExitCode.ShouldBe(0);

        var run = await ImportAsync("--repository", "imp6/*");

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldStartWith("0 new, 0 known, 1 failed");
        run.Output.ShouldContain($"failed {Registry.Host}/imp6/api@{digest}: ");
        run.Output.ShouldContain("elsewhere/api");
    }

    [Fact]
    public async Task Import_UnreachableRegistry_Exits1WithOneLine()
    {
        var run = await server.AdminAsync("import", "--registry", "http://127.0.0.1:1");

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("127.0.0.1:1");
    }

    [Fact]
    public async Task Import_MalformedRegistry_Exits1NamingTheOption()
    {
        var run = await server.AdminAsync("import", "--registry", "http://host/with/path");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--registry");
    }

    [Fact]
    public async Task RegisterApi_UnknownEntry_Returns400NamingEntry()
    {
        using var http = AdminHttp();
        using var response = await http.PostAsJsonAsync(
            "api/v1/images", new { repository = "imp7/api", digest = ClientTestServer.NewDigest(), entry = "bogus" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("entry");
    }

    private Task<ClientRun> ImportAsync(params string[] extra) =>
        server.AdminAsync(["import", "--registry", "http://" + Registry.Host, "--concurrency", "4", .. extra]);

    private async Task<JsonElement> GetImageAsync(string digest) => JsonDocument.Parse(await server.GetRawAsync($"/api/v1/images/{digest}")).RootElement;

    private async Task<HttpStatusCode> GetImageStatusAsync(string digest)
    {
        using var http = AdminHttp();
        using var response = await http.GetAsync(new Uri($"api/v1/images/{digest}", UriKind.Relative));
        return response.StatusCode;
    }

    private HttpClient AdminHttp()
    {
        var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ClientTestServer.AdminSecret);
        return http;
    }

    /// <summary>Puts the manifest of <paramref name="tag"/> under <paramref name="newTag"/> too, as <c>docker tag</c> + push would.</summary>
    private async Task CopyTagAsync(string repository, string tag, string newTag)
    {
        using var http = new HttpClient { BaseAddress = Registry.BaseAddress };
        using var get = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{tag}");
        get.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        using var manifest = await http.SendAsync(get);
        var bytes = await manifest.Content.ReadAsByteArrayAsync();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = manifest.Content.Headers.ContentType;
        using var put = await http.PutAsync(new Uri($"v2/{repository}/manifests/{newTag}", UriKind.Relative), content);
        put.StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
