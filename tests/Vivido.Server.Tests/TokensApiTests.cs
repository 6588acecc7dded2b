using Vivido.Server.Tests.Support;

namespace Vivido.Server.Tests;

public sealed class TokensApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ServerHarness Server => fixture.Server;

    [Fact]
    public async Task Create_ReturnsSecretOnceAndTheTokenWorks()
    {
        var name = "ci-" + Guid.NewGuid().ToString("N")[..8];
        var created = await Server.Admin.PostJsonAsync("/api/v1/tokens", new { name, roles = new[] { "ci" }, repositories = new[] { "team-a/*" } }, 201);

        var secret = created.Str("secret");
        secret.ShouldStartWith("vvd_");
        secret.Length.ShouldBeGreaterThan(40);
        created.GetProperty("token").Str("name").ShouldBe(name);
        created.GetProperty("token").Items("repositories").Select(r => r.GetString()).ShouldBe(["team-a/*"]);
        var digest = TestDigests.New();
        await Server.As(secret).PostJsonAsync("/api/v1/images", new { repository = "team-a/api", digest }, 201);
        (await Server.Admin.GetJsonAsync($"/api/v1/images/{digest}/history")).Items()[0].Str("actor").ShouldBe(name);
    }

    [Fact]
    public async Task List_NeverShowsSecretsOrHashes()
    {
        var name = "lister-" + Guid.NewGuid().ToString("N")[..8];
        var created = await Server.Admin.PostJsonAsync("/api/v1/tokens", new { name, roles = new[] { "reader" } }, 201);

        using var response = await Server.Admin.GetAsync("/api/v1/tokens");
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).ShouldBe(200);
        body.ShouldContain(name);
        body.ShouldNotContain(created.Str("secret"));
        body.ShouldNotContain(Vivido.Core.Storage.TokenHasher.Hash(created.Str("secret")));
    }

    [Fact]
    public async Task Revoke_TokenStopsWorkingAtOnce()
    {
        var name = "temp-" + Guid.NewGuid().ToString("N")[..8];
        var created = await Server.Admin.PostJsonAsync("/api/v1/tokens", new { name, roles = new[] { "reader" } }, 201);
        var client = Server.As(created.Str("secret"));
        (await client.GetJsonAsync("/api/v1/images?limit=1")).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Object);

        using (var revoke = await Server.Admin.SendAsync(HttpMethod.Delete, $"/api/v1/tokens/{name}"))
        {
            (await revoke.ShouldBeJsonAsync(200)).GetProperty("revokedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        }

        using var after = await client.GetAsync("/api/v1/images?limit=1");
        await after.ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task Revoke_Unknown_Returns404()
    {
        using var response = await Server.Admin.SendAsync(HttpMethod.Delete, "/api/v1/tokens/nobody-here");
        await response.ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Create_DuplicateName_Returns409()
    {
        var name = "dup-" + Guid.NewGuid().ToString("N")[..8];
        await Server.Admin.PostJsonAsync("/api/v1/tokens", new { name, roles = new[] { "reader" } }, 201);
        using var response = await Server.Admin.PostAsync("/api/v1/tokens", new { name, roles = new[] { "ci" } });
        await response.ShouldBeProblemAsync(409);
    }

    [Theory]
    [InlineData("""{"name":"x","roles":["wizard"]}""", "roles[0]")]
    [InlineData("""{"name":"x","roles":[]}""", "roles")]
    [InlineData("""{"name":"x"}""", "roles")]
    [InlineData("""{"name":"bad name","roles":["ci"]}""", "name")]
    [InlineData("""{"roles":["ci"]}""", "name")]
    [InlineData("""{"name":"x","roles":["ci"],"repositories":["team a"]}""", "repositories[0]")]
    [InlineData("""{"name":"x","roles":"ci"}""", "roles")]
    public async Task Create_BadInput_Returns400AndWritesNothing(string body, string field)
    {
        var before = await Server.CountsAsync();
        using var response = await Server.Admin.PostAsync("/api/v1/tokens", body);
        await response.ShouldBeProblemAsync(400, field);
        (await Server.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Tokens_NonAdmin_Returns403()
    {
        var approver = await Server.TokenAsync("appr-" + Guid.NewGuid().ToString("N")[..8], ["approver", "deployer", "ci", "scanner", "reader"]);
        using var create = await approver.PostAsync("/api/v1/tokens", new { name = "x", roles = new[] { "admin" } });
        await create.ShouldBeProblemAsync(403);
        using var list = await approver.GetAsync("/api/v1/tokens");
        await list.ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task Tokens_RepositoryScopedAdmin_Returns403()
    {
        var scopedAdmin = await Server.TokenAsync("sadmin-" + Guid.NewGuid().ToString("N")[..8], ["admin"], ["team-a/*"]);
        using var create = await scopedAdmin.PostAsync("/api/v1/tokens", new { name = "x", roles = new[] { "admin" } });
        await create.ShouldBeProblemAsync(403);
    }
}
