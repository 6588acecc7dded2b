namespace Vivido.Cli.Tests;

public sealed class ClientSettingsTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void Resolve_FlagsBeatEnvironmentBeatSavedLogin()
    {
        var environment = new Dictionary<string, string?> { ["VIVIDO_URL"] = "http://env:1", ["VIVIDO_TOKEN"] = "env-token" };
        var saved = new ClientConfig("http://saved:2", "saved-token");

        ClientSettings.Resolve("http://flag:3", "flag-token", Lookup(environment), saved)
            .ShouldBe(new ClientSettings(new Uri("http://flag:3/"), "flag-token"));
        ClientSettings.Resolve(null, null, Lookup(environment), saved)
            .ShouldBe(new ClientSettings(new Uri("http://env:1/"), "env-token"));
        ClientSettings.Resolve(null, null, Lookup(NoEnvironment), saved)
            .ShouldBe(new ClientSettings(new Uri("http://saved:2/"), "saved-token"));
    }

    [Fact]
    public void Resolve_EachValueSeparately()
    {
        var environment = new Dictionary<string, string?> { ["VIVIDO_TOKEN"] = "env-token" };
        ClientSettings.Resolve("http://flag:3", null, Lookup(environment), null).Token.ShouldBe("env-token");
    }

    [Fact]
    public void Resolve_NothingConfigured_ThrowsHelpfulError()
    {
        Should.Throw<CliException>(() => ClientSettings.Resolve(null, "t", Lookup(NoEnvironment), null)).Message.ShouldContain("vivido login");
        Should.Throw<CliException>(() => ClientSettings.Resolve("http://x", null, Lookup(NoEnvironment), null)).Message.ShouldContain("--token");
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("https://vivido.example.com/base", "https://vivido.example.com/base/")]
    public void ParseServer_AddsTrailingSlash(string url, string expected) =>
        ClientSettings.ParseServer(url).AbsoluteUri.ShouldBe(expected);

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("ftp://host")]
    [InlineData("not a url")]
    public void ParseServer_NotHttp_Throws(string url) => Should.Throw<CliException>(() => ClientSettings.ParseServer(url));

    [Fact]
    public void ConfigPath_FollowsVividoConfigThenXdg()
    {
        ClientConfig.DefaultPath(Lookup(new Dictionary<string, string?> { ["VIVIDO_CONFIG"] = "/x/c.json" })).ShouldBe("/x/c.json");
        ClientConfig.DefaultPath(Lookup(new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = "/cfg" })).ShouldBe("/cfg/vivido/config.json");
        ClientConfig.DefaultPath(Lookup(NoEnvironment)).ShouldEndWith("/.config/vivido/config.json");
    }

    [Theory]
    [InlineData("team/api@sha256:abc", "team/api", "sha256:abc")]
    [InlineData("localhost:5000/team/api@sha256:abc", "localhost:5000/team/api", "sha256:abc")]
    public void RegisterSplit_SplitsAtTheLastAt(string reference, string repository, string digest) =>
        RegisterCommand.Split(reference).ShouldBe((repository, digest));

    [Theory]
    [InlineData("team/api:stable", "team/api", "stable")]
    [InlineData("localhost:5000/team/api:v1.2", "localhost:5000/team/api", "v1.2")]
    public void TagsSplit_KeepsRegistryPortInRepository(string reference, string repository, string tag) =>
        TagsCommands.Split(reference).ShouldBe((repository, tag));

    [Theory]
    [InlineData("team/api")]
    [InlineData("localhost:5000/team/api")]
    [InlineData("team/api:")]
    public void TagsSplit_WithoutTag_Throws(string reference) => Should.Throw<CliException>(() => TagsCommands.Split(reference));

    [Fact]
    public void TableWriter_AlignsColumns()
    {
        var output = new StringWriter();
        TableWriter.Write(output, ["A", "LONGER"], [["xxx", "1"], ["y", "22"]]);
        output.ToString().ShouldBe("A    LONGER\nxxx  1\ny    22\n");
    }

    private static Func<string, string?> Lookup(IReadOnlyDictionary<string, string?> values) => name => values.GetValueOrDefault(name);
}
