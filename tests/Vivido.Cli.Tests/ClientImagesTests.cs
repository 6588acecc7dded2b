namespace Vivido.Cli.Tests;

public sealed class ClientImagesTests(ClientTestServer server) : IClassFixture<ClientTestServer>
{
    [Fact]
    public async Task Register_NewDigest_PrintsStateAndExits0()
    {
        var digest = ClientTestServer.NewDigest();

        var run = await server.AdminAsync("register", $"team-a/api@{digest}", "--tag", "v1", "--attribute", "arch=amd64");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe($"{digest} in team-a/api: Building (version 1)\n");
        run.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Register_JsonOutput_IsTheApiDocument()
    {
        var digest = ClientTestServer.NewDigest();

        var run = await server.AdminAsync("register", $"team-a/api@{digest}", "-o", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var image = run.Json();
        image.GetProperty("digest").GetString().ShouldBe(digest);
        image.GetProperty("state").GetString().ShouldBe("Building");
        run.Output.Trim().ShouldBe(await server.GetRawAsync($"/api/v1/images/{digest}"));
    }

    [Fact]
    public async Task Register_MalformedReference_Exits1WithOneLine()
    {
        var run = await server.AdminAsync("register", "team-a/api");
        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("REPO@DIGEST");
    }

    [Fact]
    public async Task Register_BadDigest_Exits1NamingTheField()
    {
        var run = await server.AdminAsync("register", "team-a/api@sha256:short");
        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("'digest'");
        run.Error.ShouldContain("HTTP 400");
    }

    [Fact]
    public async Task ImagesShow_JsonOutput_IsExactlyTheApiJson()
    {
        var digest = await server.RegisterAsync();

        var run = await server.AdminAsync("images", "show", digest, "-o", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldBe(await server.GetRawAsync($"/api/v1/images/{digest}") + "\n");
    }

    [Fact]
    public async Task ImagesShow_Table_ShowsFields()
    {
        var digest = await server.RegisterAsync();

        var run = await server.AdminAsync("images", "show", digest);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain($"digest:");
        run.Output.ShouldContain(digest);
        run.Output.ShouldContain("Building");
    }

    [Fact]
    public async Task ImagesShow_Unknown_Exits1WithOneLine()
    {
        var run = await server.AdminAsync("images", "show", ClientTestServer.NewDigest());
        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("not registered");
    }

    [Fact]
    public async Task ImagesLs_FiltersAndPrintsATable()
    {
        var repository = "team-ls/app" + Guid.NewGuid().ToString("N")[..6];
        var first = await server.RegisterAsync(repository);
        var second = await server.RegisterAsync(repository);
        (await server.AdminAsync("event", second, "scan_failed")).ExitCode.ShouldBe(0);

        var run = await server.AdminAsync("images", "ls", "--repository", repository, "--state", "Building");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Trim().Split('\n');
        lines[0].ShouldStartWith("DIGEST");
        lines.Skip(1).ShouldHaveSingleItem().ShouldStartWith(first);
    }

    [Fact]
    public async Task ImagesLs_JsonOutput_HasItemsAndCursor()
    {
        var repository = "team-ls/app" + Guid.NewGuid().ToString("N")[..6];
        await server.RegisterAsync(repository);
        await server.RegisterAsync(repository);

        var run = await server.AdminAsync("images", "ls", "--repository", repository, "--limit", "1", "-o", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Json().GetProperty("items").GetArrayLength().ShouldBe(1);
        run.Json().GetProperty("nextCursor").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ImagesHistory_ListsEveryEntry()
    {
        var digest = await server.RegisterAsync();
        await server.AdminAsync("event", digest, "scan_passed");

        var run = await server.AdminAsync("images", "history", digest);

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Trim().Split('\n');
        lines[0].ShouldStartWith("SEQ");
        lines.Length.ShouldBe(3);
        lines[1].ShouldContain("register");
        lines[2].ShouldContain("rejected");
        lines[2].ShouldEndWith("unmet: scan-present");
    }
}
