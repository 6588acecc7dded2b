namespace Vivido.Registry.Tests;

public sealed class RegistrySettingsTests
{
    [Fact]
    public void Parse_FullEntry_ReadsEveryField()
    {
        var settings = RegistrySettings.Parse(
            """
            registries:
              - host: 127.0.0.1:5000
                insecure: true
                username: ci
                password: secret
            """,
            ".");

        settings.For("127.0.0.1:5000").ShouldBe(new RegistryHostSettings("127.0.0.1:5000", true, "ci", "secret"));
        settings.For("127.0.0.1:5000").BaseAddress.ShouldBe(new Uri("http://127.0.0.1:5000/"));
        settings.For("other.example").ShouldBe(new RegistryHostSettings("other.example"));
    }

    [Fact]
    public void Load_PasswordFile_ReadsItRelativeToTheSettingsFile()
    {
        var directory = Directory.CreateTempSubdirectory("vivido-registries-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "pw"), "s3cret\n");
            File.WriteAllText(Path.Combine(directory, "registries.yaml"), "registries:\n  - host: r.example\n    username: u\n    passwordFile: pw\n");

            RegistrySettings.Load(Path.Combine(directory, "registries.yaml")).For("r.example").Password.ShouldBe("s3cret");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("registries:\n  - insecure: true\n", "without 'host'")]
    [InlineData("registries:\n  - host: a\n    colour: red\n", "unknown registry key 'colour'")]
    [InlineData("registries:\n  - host: a\n    insecure: maybe\n", "'insecure' must be true or false")]
    [InlineData("registries:\n  - host: a\n    username: u\n", "needs both a username and a password")]
    [InlineData("registries:\n  - host: https://a/b\n", "without scheme or path")]
    [InlineData("registries:\n  - host: a\n  - host: a\n", "listed twice")]
    [InlineData("hosts: []\n", "unknown key 'hosts'")]
    [InlineData("registries: [\n", "invalid YAML")]
    public void Parse_BadSettings_ThrowsNamingTheProblem(string yaml, string expected)
    {
        Should.Throw<FormatException>(() => RegistrySettings.Parse(yaml, ".")).Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("127.0.0.1:5000/team/app", "127.0.0.1:5000", "team/app")]
    [InlineData("registry.example.com/app", "registry.example.com", "app")]
    [InlineData("localhost/app", "localhost", "app")]
    [InlineData("team/app", "docker.io", "team/app")]
    [InlineData("nginx", "docker.io", "library/nginx")]
    public void Split_RepositoryName_SeparatesHostLikeDocker(string name, string host, string path)
    {
        RepositoryNames.Split(name).ShouldBe((host, path));
    }
}
