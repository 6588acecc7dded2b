using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

public sealed class ImagesApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerHarness Server => fixture.Server;

    [Fact]
    public async Task Register_NewDigest_Returns201InInitialState()
    {
        var digest = TestDigests.New();
        var image = await Server.Admin.PostJsonAsync(
            "/api/v1/images", new { repository = "team-a/api", digest, tags = new[] { "v1" }, attributes = new { arch = "amd64" } }, 201);

        image.Str("digest").ShouldBe(digest);
        image.Str("repository").ShouldBe("team-a/api");
        image.Str("state").ShouldBe("Building");
        image.Long("version").ShouldBe(1);
        image.Items("tags").Select(t => t.GetString()).ShouldBe(["v1"]);
        image.GetProperty("attributes").GetProperty("arch").GetString().ShouldBe("amd64");
        image.GetProperty("enteredStateAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.MinValue);
    }

    [Fact]
    public async Task Register_SameDigestAgain_Returns200Unchanged()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        await Server.FireAsync(digest, "scan_failed");
        var before = await Server.CountsAsync();

        var again = await Server.Admin.PostJsonAsync("/api/v1/images", new { repository = "team-a/api", digest, tags = new[] { "other" } }, 200);

        again.Str("state").ShouldBe("Failed");
        again.Long("version").ShouldBe(2);
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Register_SameDigestOtherRepository_Returns409()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        using var response = await Server.Admin.PostAsync("/api/v1/images", new { repository = "team-b/api", digest });
        (await response.ShouldBeProblemAsync(409)).Str("detail").ShouldContain("team-a/api");
    }

    [Theory]
    [InlineData("""{"repository":"team-a/api","digest":"sha256:abc"}""", "digest")]
    [InlineData("""{"repository":"team-a/api","digest":"md5:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}""", "digest")]
    [InlineData("""{"repository":"team-a/api"}""", "digest")]
    [InlineData("""{"repository":"Team A","digest":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}""", "repository")]
    [InlineData("""{"digest":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}""", "repository")]
    [InlineData("""{"repository":"team-a/api","digest":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","tags":["-bad"]}""", "tags[0]")]
    [InlineData("""{"repository":"team-a/api","digest":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","tags":"v1"}""", "tags")]
    [InlineData("""{"repository":"team-a/api","digest":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","attributes":{"a":1}}""", "attributes.a")]
    [InlineData("""{"repository":"team-a/api","digest":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","actor":"mallory"}""", "actor")]
    public async Task Register_BadField_Returns400NamingItAndWritesNothing(string body, string field)
    {
        var before = await Server.CountsAsync();
        using var response = await Server.Admin.PostAsync("/api/v1/images", body);
        await response.ShouldBeProblemAsync(400, field);
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Get_Registered_ReturnsImageWithETag()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        using var response = await Server.Admin.GetAsync($"/api/v1/images/{digest}");
        var image = await response.ShouldBeJsonAsync(200);
        image.Str("digest").ShouldBe(digest);
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
    }

    [Fact]
    public async Task Get_Unknown_Returns404()
    {
        using var response = await Server.Admin.GetAsync($"/api/v1/images/{TestDigests.New()}");
        await response.ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Get_MalformedDigest_Returns400()
    {
        using var response = await Server.Admin.GetAsync("/api/v1/images/sha256:nothex");
        await response.ShouldBeProblemAsync(400, "digest");
    }

    [Fact]
    public async Task History_AfterEvents_ListsRegistrationAcceptedAndRejected()
    {
        var digest = await Server.RegisterAsync("team-a/api");
        await Server.FireAsync(digest, "scan_passed");
        await Server.FireAsync(digest, "scan_failed");

        var history = (await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items();

        history.Select(e => (e.Str("event"), e.Str("kind"))).ShouldBe([("register", "accepted"), ("scan_passed", "rejected"), ("scan_failed", "accepted")]);
        history[2].Str("from").ShouldBe("Building");
        history[2].Str("to").ShouldBe("Failed");
        history[2].Str("actor").ShouldBe("admin");
        history[2].Str("hash").Length.ShouldBe(64);
        history[1].Str("detail").ShouldContain("scan-present");
    }

    [Fact]
    public async Task History_UnknownDigest_Returns404()
    {
        using var response = await Server.Admin.GetAsync($"/api/v1/images/{TestDigests.New()}/history");
        await response.ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task List_ByStateAndRepository_ReturnsOnlyMatches()
    {
        var repository = TestDigests.NewRepository();
        var building = await Server.RegisterAsync(repository);
        var failed = await Server.RegisterAsync(repository);
        await Server.FireAsync(failed, "scan_failed");
        await Server.RegisterAsync(TestDigests.NewRepository());

        var page = await Server.Admin.GetJsonAsync($"/api/v1/images?repository={repository}&state=Building");

        page.Items().Select(i => i.Str("digest")).ShouldBe([building]);
        page.GetProperty("nextCursor").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task List_ByTag_ReturnsTaggedDigest()
    {
        var repository = TestDigests.NewRepository();
        var digest = TestDigests.New();
        await Server.Admin.PostJsonAsync("/api/v1/images", new { repository, digest, tags = new[] { "canary-7" } }, 201);
        await Server.RegisterAsync(repository);

        var page = await Server.Admin.GetJsonAsync($"/api/v1/images?repository={repository}&tag=canary-7");

        page.Items().Select(i => i.Str("digest")).ShouldBe([digest]);
    }

    [Fact]
    public async Task List_InStateLongerThan_UsesTheServerClock()
    {
        var repository = TestDigests.NewRepository();
        var old = await Server.RegisterAsync(repository);
        Server.Time.Advance(TimeSpan.FromDays(31));
        await Server.RegisterAsync(repository);

        var page = await Server.Admin.GetJsonAsync($"/api/v1/images?repository={repository}&inStateLongerThan=30d");

        page.Items().Select(i => i.Str("digest")).ShouldBe([old]);
    }

    [Fact]
    public async Task List_WithCursor_PagesWithoutGapsOrRepeats()
    {
        var repository = TestDigests.NewRepository();
        var registered = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            registered.Add(await Server.RegisterAsync(repository));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Server.Admin.GetJsonAsync($"/api/v1/images?repository={repository}&limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            page.Items().Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page.Items().Select(i => i.Str("digest")));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        seen.ShouldBe(registered);
    }

    [Theory]
    [InlineData("state=Nowhere", "state")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=garbage!", "cursor")]
    [InlineData("inStateLongerThan=forever", "inStateLongerThan")]
    [InlineData("repository=UPPER%20case", "repository")]
    [InlineData("tag=-x", "tag")]
    public async Task List_BadQuery_Returns400NamingIt(string query, string field)
    {
        using var response = await Server.Admin.GetAsync("/api/v1/images?" + query);
        await response.ShouldBeProblemAsync(400, field);
    }
}
