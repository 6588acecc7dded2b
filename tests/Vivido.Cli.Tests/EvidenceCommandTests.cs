using System.Text;
using Vivido.Core.Bundles;
using Vivido.Testing;

namespace Vivido.Cli.Tests;

/// <summary><c>vivido scan|sbom|attest ingest</c> and <c>vivido evidence ls|raw</c> against a real server, with documents from real tools.</summary>
public sealed class EvidenceCommandTests(ClientTestServer server) : IClassFixture<ClientTestServer>, IDisposable
{
    private static readonly string Trivy = TestPaths.Fixture("trivy", "trivy-alpine-3.9.4-critical.json");
    private static readonly string Spdx = TestPaths.Fixture("spdx", "trivy-0.58.0-alpine-3.15.spdx.json");
    private const string SpdxSubject = "sha256:19b4bcc4f60e99dd5ebdca0cbce22c503bbcff197549d7e19dab4f22254dc864";
    private static readonly string Provenance = TestPaths.Fixture("provenance", "slsa-github-generator-container-provenance-v0.2.statement.json");
    private const string ProvenanceSubject = "sha256:e0a0a765d690a5104331cfbac88ebbbf01736c1f87aaa3cd455c516a5ea586a5";

    private readonly string _directory = Directory.CreateTempSubdirectory("vivido-cli-evidence-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ScanIngest_CriticalTrivyReport_PrintsCountsScoreAndTheQuarantine()
    {
        var digest = await server.RegisterAsync();

        var run = await server.AdminAsync("scan", "ingest", Trivy, "--image", digest);

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Trim().Split('\n');
        lines.Length.ShouldBe(2, run.Output);
        lines[0].ShouldMatch($@"^scan \d+ attached to {digest}: .*critical [1-9]\d*, high \d+, medium \d+, low \d+, unknown \d+, score [0-9.]+$");
        lines[1].ShouldStartWith("transition: Building -> Quarantined by quarantine");
    }

    [Fact]
    public async Task ScanIngest_JsonOutput_PrintsTheApiAnswer()
    {
        var digest = await server.RegisterAsync();

        var run = await server.AdminAsync("scan", "ingest", Trivy, "--image", digest, "-o", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var evidence = run.Json().GetProperty("evidence");
        evidence.GetProperty("kind").GetString().ShouldBe("scan");
        evidence.GetProperty("rawSize").GetInt64().ShouldBe(new FileInfo(Trivy).Length);
    }

    [Fact]
    public async Task ScanIngest_MissingFile_Exits1WithOneLineAndSendsNothing()
    {
        var digest = await server.RegisterAsync();
        var missing = Path.Combine(_directory, "nope.json");

        var run = await server.AdminAsync("scan", "ingest", missing, "--image", digest);
        var list = await server.AdminAsync("evidence", "ls", digest, "--json");

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().ShouldBe($"vivido: {missing}: no such file");
        list.Json().GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ScanIngest_DirectoryInsteadOfFile_Exits1()
    {
        var run = await server.AdminAsync("scan", "ingest", _directory, "--image", ClientTestServer.NewDigest());

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().ShouldBe($"vivido: {_directory}: is a directory, not a file");
    }

    [Fact]
    public async Task ScanIngest_NotAReport_Exits1WithTheServersReason()
    {
        var digest = await server.RegisterAsync();
        var file = Path.Combine(_directory, "notes.json");
        await File.WriteAllTextAsync(file, "{\"hello\": \"world\"}");

        var run = await server.AdminAsync("scan", "ingest", file, "--image", digest);

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("(HTTP 400)");
    }

    [Fact]
    public async Task ScanIngest_UnknownDigest_Exits1()
    {
        var run = await server.AdminAsync("scan", "ingest", Trivy, "--image", ClientTestServer.NewDigest());

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("(HTTP 404)");
    }

    [Fact]
    public async Task ScanIngest_NoImageOption_Exits1()
    {
        var run = await server.AdminAsync("scan", "ingest", Trivy);

        run.ExitCode.ShouldNotBe(0);
        run.Error.ShouldContain("--image");
    }

    [Fact]
    public async Task SbomIngest_SpdxAboutItsDigest_PrintsFormatAndComponents()
    {
        var register = await server.AdminAsync("register", $"docker.io/library/alpine@{SpdxSubject}");
        register.ExitCode.ShouldBe(0, register.Error);

        var run = await server.AdminAsync("sbom", "ingest", Spdx, "--image", SpdxSubject);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.Trim().ShouldMatch($@"^sbom \d+ attached to {SpdxSubject}: spdx.*, \d+ components$");
    }

    [Fact]
    public async Task SbomIngest_DocumentAboutAnotherDigest_Exits1NamingIt()
    {
        var digest = await server.RegisterAsync();

        var run = await server.AdminAsync("sbom", "ingest", Spdx, "--image", digest);

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(SpdxSubject);
    }

    [Fact]
    public async Task AttestIngest_SlsaStatement_PrintsTheBuilder()
    {
        var register = await server.AdminAsync("register", $"ghcr.io/slsa-framework/example-package@{ProvenanceSubject}");
        register.ExitCode.ShouldBe(0, register.Error);

        var run = await server.AdminAsync("attest", "ingest", Provenance, "--image", ProvenanceSubject);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.Trim().ShouldStartWith($"provenance ");
        run.Output.ShouldContain("builder https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@refs/tags/v1.10.0");
    }

    [Fact]
    public async Task EvidenceLs_AfterAScan_ListsItAndJsonIsTheApiDocument()
    {
        var digest = await server.RegisterAsync();
        (await server.AdminAsync("scan", "ingest", Trivy, "--image", digest)).ExitCode.ShouldBe(0);

        var table = await server.AdminAsync("evidence", "ls", digest);
        var json = await server.AdminAsync("evidence", "ls", digest, "--json");
        var sboms = await server.AdminAsync("evidence", "ls", digest, "--kind", "sbom", "--json");

        table.ExitCode.ShouldBe(0, table.Error);
        var lines = table.Output.Trim().Split('\n');
        lines[0].ShouldMatch("^ID +KIND +AT +ACTOR +RAW +SUMMARY$");
        lines[1].ShouldMatch($@"^\d+ +scan .* admin +{new FileInfo(Trivy).Length} bytes +.*critical [1-9]");
        json.Output.Trim().ShouldBe((await server.GetRawAsync($"/api/v1/images/{digest}/evidence")).Trim());
        sboms.Json().GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task EvidenceLs_BadKind_Exits1()
    {
        var run = await server.AdminAsync("evidence", "ls", await server.RegisterAsync(), "--kind", "horoscope");

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldBe("vivido: expected one of scan, sbom, signature, provenance, test (HTTP 400)");
    }

    [Fact]
    public async Task EvidenceRaw_ToFileAndToStdout_GiveTheDocumentAsSent()
    {
        var digest = await server.RegisterAsync();
        var id = (await server.AdminAsync("scan", "ingest", Trivy, "--image", digest, "-o", "json")).Json().GetProperty("evidence").GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(_directory, "raw.json");

        var saved = await server.AdminAsync("evidence", "raw", digest, id, "-o", file);
        var printed = await server.AdminAsync("evidence", "raw", digest, id);

        saved.ExitCode.ShouldBe(0, saved.Error);
        (await File.ReadAllBytesAsync(file)).ShouldBe(await File.ReadAllBytesAsync(Trivy));
        printed.ExitCode.ShouldBe(0, printed.Error);
        printed.Output.ShouldBe(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Trivy)));
    }

    [Fact]
    public async Task EvidenceRaw_UnknownId_Exits1AndWritesNoFile()
    {
        var digest = await server.RegisterAsync();
        var file = Path.Combine(_directory, "none.json");

        var run = await server.AdminAsync("evidence", "raw", digest, "999999", "-o", file);

        run.ExitCode.ShouldBe(1);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("(HTTP 404)");
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public void Help_EveryEvidenceVerb_HasADescription()
    {
        var root = CliApp.Build();
        string[][] paths = [["scan", "ingest"], ["sbom", "ingest"], ["attest", "ingest"], ["evidence", "ls"], ["evidence", "raw"], ["evidence", "export"], ["evidence", "import"], ["cve"], ["packages"], ["patch-time"]];
        foreach (var path in paths)
        {
            var command = path.Aggregate((System.CommandLine.Command)root, (c, name) => c.Subcommands.Single(s => s.Name == name));
            command.Description.ShouldNotBeNullOrWhiteSpace(string.Join(" ", path));
        }
    }

    internal static async Task<EvidenceBundle> ReadBundleAsync(string file)
    {
        await using var input = File.OpenRead(file);
        return await EvidenceBundleReader.ReadAsync(input, 100_000_000);
    }
}
