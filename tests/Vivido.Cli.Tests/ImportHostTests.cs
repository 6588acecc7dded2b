using Vivido.Registry;

namespace Vivido.Cli.Tests;

public sealed class ImportHostTests
{
    private static readonly RegistrySettings Settings = new([new RegistryHostSettings("r.example:5000", Insecure: true, "ci", "pw")]);

    [Theory]
    [InlineData("http://127.0.0.1:5000", "127.0.0.1:5000", true)]
    [InlineData("https://registry.example.com/", "registry.example.com", false)]
    [InlineData("registry.example.com", "registry.example.com", false)]
    [InlineData("r.example:5000", "r.example:5000", true)]
    [InlineData("https://r.example:5000", "r.example:5000", false)]
    public void Host_RegistryOption_SchemeDecidesPlainHttpElseSettings(string option, string host, bool insecure)
    {
        var settings = ImportCommand.Host(option, Settings);

        settings.Host.ShouldBe(host);
        settings.Insecure.ShouldBe(insecure);
    }

    [Fact]
    public void Host_ConfiguredHost_KeepsItsCredentials()
    {
        ImportCommand.Host("http://r.example:5000", Settings).Username.ShouldBe("ci");
    }

    [Theory]
    [InlineData("ftp://x")]
    [InlineData("http://")]
    [InlineData("host with space")]
    [InlineData("http://host/path")]
    [InlineData("host:99999")]
    public void Host_Malformed_ThrowsNamingTheOption(string option)
    {
        Should.Throw<CliException>(() => ImportCommand.Host(option, Settings)).Message.ShouldContain("--registry");
    }
}
