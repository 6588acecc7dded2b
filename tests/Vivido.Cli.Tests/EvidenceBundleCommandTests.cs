using System.Text;
using Vivido.Testing;

namespace Vivido.Cli.Tests;

/// <summary><c>vivido evidence export|import</c>: a bundle from one real server, verified, imported into another.</summary>
public sealed class EvidenceBundleCommandTests(ClientTestServer server) : IClassFixture<ClientTestServer>, IAsyncLifetime
{
    private static readonly string Trivy = TestPaths.Fixture("trivy", "trivy-alpine-3.9.4-critical.json");

    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-cli-bundles-").FullName;
    private readonly ClientTestServer _other = new();

    public Task InitializeAsync() => _other.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _other.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Export_ScannedImage_SavesAVerifiedBundleWithTheRawReport()
    {
        var (digest, file) = await ExportScannedAsync("team-b/api");

        var bundle = await EvidenceCommandTests.ReadBundleAsync(file);
        bundle.Digest.ShouldBe(digest);
        bundle.Repository.ShouldBe("team-b/api");
        bundle.Entries.ShouldHaveSingleItem().Raw.ShouldBe(await File.ReadAllBytesAsync(Trivy));
        bundle.History.Count.ShouldBeGreaterThanOrEqualTo(2);
        bundle.ImageJson.GetProperty("state").GetString().ShouldBe("Quarantined");
    }

    [Fact]
    public async Task Export_UnknownDigest_Exits1AndWritesNothing()
    {
        var file = Path.Combine(_directory, "none.tar");

        var run = await server.AdminAsync("evidence", "export", ClientTestServer.NewDigest(), "-o", file);

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("(HTTP 404)");
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task Export_NoOutputFile_IsAUsageError()
    {
        var run = await server.AdminAsync("evidence", "export", ClientTestServer.NewDigest());

        run.ExitCode.ShouldNotBe(0);
        run.Error.ShouldContain("--output");
    }

    [Fact]
    public async Task Import_IntoAnotherServer_RegistersTheImageAndAddsTheEvidenceOnce()
    {
        var (digest, file) = await ExportScannedAsync("team-c/api");

        var first = await _other.AdminAsync("evidence", "import", file);
        var second = await _other.AdminAsync("evidence", "import", file);
        var list = await _other.AdminAsync("evidence", "ls", digest, "--json");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.Trim().ShouldBe($"imported team-c/api@{digest}: registered, 1 evidence imported, 0 already present");
        second.ExitCode.ShouldBe(0, second.Error);
        second.Output.Trim().ShouldBe($"imported team-c/api@{digest}: 0 evidence imported, 1 already present");
        list.Json().GetProperty("items").GetArrayLength().ShouldBe(1);
        var raw = await _other.AdminAsync("evidence", "raw", digest, list.Json().GetProperty("items")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        raw.Output.ShouldBe(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Trivy)));
    }

    [Fact]
    public async Task Import_TamperedBundle_Exits1NamingTheFileAndSendsNothing()
    {
        var (digest, file) = await ExportScannedAsync("team-d/api");
        var bytes = await File.ReadAllBytesAsync(file);
        var at = bytes.AsSpan().IndexOf("\"ArtifactName\""u8);
        at.ShouldBeGreaterThan(0);
        bytes[at + 1] = (byte)'a';
        var tampered = Path.Combine(_directory, "tampered.tar");
        await File.WriteAllBytesAsync(tampered, bytes);

        var run = await _other.AdminAsync("evidence", "import", tampered);
        var show = await _other.AdminAsync("images", "show", digest);

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().ShouldMatch($@"^vivido: {tampered.Replace(".", "\\.", StringComparison.Ordinal)} is not a valid evidence bundle: evidence/\d+-scan\.json: sha256 mismatch$");
        show.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Import_NotATar_Exits1()
    {
        var run = await _other.AdminAsync("evidence", "import", Trivy);

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().ShouldStartWith($"vivido: {Trivy} is not a valid evidence bundle: bundle: not a tar archive");
    }

    [Fact]
    public async Task Import_MissingFile_Exits1()
    {
        var missing = Path.Combine(_directory, "missing.tar");

        var run = await _other.AdminAsync("evidence", "import", missing);

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().ShouldBe($"vivido: {missing}: no such file");
    }

    private async Task<(string Digest, string File)> ExportScannedAsync(string repository)
    {
        var digest = await server.RegisterAsync(repository);
        var ingest = await server.AdminAsync("scan", "ingest", Trivy, "--image", digest);
        ingest.ExitCode.ShouldBe(0, ingest.Error);
        var file = Path.Combine(_directory, digest[7..19] + ".tar");

        var run = await server.AdminAsync("evidence", "export", digest, "-o", file);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.Trim().ShouldMatch($@"^exported {repository}@{digest} to {file.Replace(".", "\\.", StringComparison.Ordinal)}: 1 evidence, \d+ history entries, \d+ bytes, verified$");
        return (digest, file);
    }
}
