using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

public sealed class TagsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerHarness Server => fixture.Server;

    [Fact]
    public async Task Put_TwoMoves_RecordsEachAndListsTheLatest()
    {
        var repository = TestDigests.NewRepository();
        var first = await Server.RegisterAsync(repository);
        var second = await Server.RegisterAsync(repository);

        using (var created = await Server.Admin.PutAsync("/api/v1/tags", new { repository, tag = "stable", digest = first }))
        {
            (await created.ShouldBeJsonAsync(200)).GetProperty("fromDigest").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        }

        using (var moved = await Server.Admin.PutAsync("/api/v1/tags", new { repository, tag = "stable", digest = second }))
        {
            (await moved.ShouldBeJsonAsync(200)).Str("fromDigest").ShouldBe(first);
        }

        var tags = (await Server.Admin.GetJsonAsync($"/api/v1/tags?repository={repository}")).Items();
        tags.ShouldHaveSingleItem().Str("digest").ShouldBe(second);
        var history = (await Server.Admin.GetJsonAsync($"/api/v1/tags/history?repository={repository}&tag=stable")).Items();
        history.Select(m => m.Str("toDigest")).ShouldBe([first, second]);
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{second}")).Items("tags").Select(t => t.GetString()).ShouldBe(["stable"]);
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{second}")).Str("state").ShouldBe("Building");
    }

    [Fact]
    public async Task Put_DigestOfOtherRepository_Returns409()
    {
        var digest = await Server.RegisterAsync(TestDigests.NewRepository());
        using var response = await Server.Admin.PutAsync("/api/v1/tags", new { repository = TestDigests.NewRepository(), tag = "x", digest });
        await response.ShouldBeProblemAsync(409);
    }

    [Fact]
    public async Task Put_UnknownDigest_Returns404()
    {
        using var response = await Server.Admin.PutAsync("/api/v1/tags", new { repository = "team-a/api", tag = "x", digest = TestDigests.New() });
        await response.ShouldBeProblemAsync(404);
    }

    [Theory]
    [InlineData("""{"repository":"team-a/api","tag":".bad","digest":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}""", "tag")]
    [InlineData("""{"repository":"team-a/api","tag":"ok"}""", "digest")]
    [InlineData("""{"tag":"ok","digest":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}""", "repository")]
    public async Task Put_BadInput_Returns400(string body, string field)
    {
        using var response = await Server.Admin.PutAsync("/api/v1/tags", body);
        await response.ShouldBeProblemAsync(400, field);
    }

    [Fact]
    public async Task List_WithoutRepository_Returns400()
    {
        using var response = await Server.Admin.GetAsync("/api/v1/tags");
        await response.ShouldBeProblemAsync(400, "repository");
    }

    [Fact]
    public async Task History_BadTag_Returns400()
    {
        using var response = await Server.Admin.GetAsync("/api/v1/tags/history?repository=team-a/api&tag=-x");
        await response.ShouldBeProblemAsync(400, "tag");
    }
}
