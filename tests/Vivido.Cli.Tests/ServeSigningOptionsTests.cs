namespace Vivido.Cli.Tests;

/// <summary><c>vivido serve --signing-key</c> and <c>--registries</c>: bad values stop the server with one line.</summary>
public sealed class ServeSigningOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-serve-signing-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Serve_SigningKeyFileMissing_Exits1NamingTheKey()
    {
        var run = await ServeAsync("--signing-key", "release=" + Path.Combine(_directory, "nope.pub"));

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("vivido: signing key 'release': cannot read ");
    }

    [Fact]
    public async Task Serve_SigningKeyNotAKey_Exits1()
    {
        var file = Path.Combine(_directory, "bad.pub");
        await File.WriteAllTextAsync(file, "not a key");

        var run = await ServeAsync("--signing-key", "release=" + file);

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().ShouldStartWith("vivido: signing key 'release' is not a PEM ECDSA public key");
    }

    [Fact]
    public async Task Serve_SigningKeyWithoutName_Exits1()
    {
        var run = await ServeAsync("--signing-key", "/etc/key.pub");

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().ShouldBe("vivido: --signing-key expects KEY=VALUE, got '/etc/key.pub'");
    }

    [Fact]
    public async Task Serve_RegistriesFileMissing_Exits1NamingTheFile()
    {
        var file = Path.Combine(_directory, "registries.yaml");

        var run = await ServeAsync("--registries", file);

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(file);
    }

    private Task<ClientRun> ServeAsync(params string[] args) =>
        ClientRun.RunAsync(["serve", "--data", Path.Combine(_directory, "data"), "--urls", "http://127.0.0.1:0", .. args]);
}
