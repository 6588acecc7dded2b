namespace Vivido.Evidence.Tests;

public sealed class TrivyReaderTests
{
    [Fact]
    public void Read_Alpine394_TwoCriticalFourMedium()
    {
        var scan = FixtureDocuments.Read<ScanReport>("trivy", "trivy-alpine-3.9.4-critical.json");

        scan.Format.ShouldBe(EvidenceFormat.Trivy);
        scan.FormatVersion.ShouldBe("2");
        scan.Scanner.ShouldBe("trivy");
        scan.ScannerVersion.ShouldBe("dev");
        scan.ScannedAt.ShouldBe(new DateTimeOffset(2021, 8, 25, 12, 20, 30, TimeSpan.Zero));
        scan.DatabaseAt.ShouldBeNull();
        scan.Subjects.ShouldBeEmpty();
        scan.Counts.ShouldBe(new SeverityCounts(2, 0, 4, 0, 0));
        scan.Findings.Count.ShouldBe(6);
        scan.Vulnerabilities.Select(v => v.Id).ShouldBe(["CVE-2019-1549", "CVE-2019-1551", "CVE-2019-14697"]);

        var musl = scan.Vulnerabilities.Single(v => v.Id == "CVE-2019-14697");
        musl.Severity.ShouldBe(Severity.Critical);
        musl.Cvss.ShouldBe(9.8);
        musl.FixedVersions.ShouldBe(["1.1.20-r5"]);
        musl.Packages.ShouldBe(["musl", "musl-utils"]);

        var first = scan.Findings[0];
        first.ShouldBe(new Finding(
            "CVE-2019-1549", Severity.Medium, 5.3, "libcrypto1.1", "1.1.1b-r1", "1.1.1d-r0", "pkg:apk/alpine/libcrypto1.1@1.1.1b-r1?arch=x86_64&distro=3.9.4"));
        ScoreWeights.Default.Score(scan.Counts).ShouldBe(0);
    }

    [Fact]
    public void Read_JuiceShopTrimmed_CountsUniqueCvesAndRepoDigest()
    {
        var scan = FixtureDocuments.Read<ScanReport>("trivy", "trivy-juice-shop-v12.10.2-real-scan-trimmed.json");

        scan.Counts.ShouldBe(new SeverityCounts(28, 26, 6, 2, 0));
        scan.Findings.Count.ShouldBe(62);
        scan.Vulnerabilities.Count.ShouldBe(39);
        scan.Subjects.ShouldBe(["sha256:33238f8c6291415c499265629b1b82ef791f5a33dff09f25c07264204a26f89b"]);
        scan.ScannerVersion.ShouldBeNull();
        scan.ScannedAt.ShouldBe(new DateTimeOffset(2024, 10, 28, 15, 33, 51, TimeSpan.Zero).AddTicks(2655462));

        var zlib = scan.Vulnerabilities.Single(v => v.Id == "CVE-2022-37434");
        zlib.Severity.ShouldBe(Severity.Critical);
        zlib.Cvss.ShouldBe(9.8);
        zlib.FixedVersions.ShouldBe(["1.2.11-r4"]);

        // v3 scores win over a higher v2 score of another source.
        var ansi = scan.Vulnerabilities.Single(v => v.Id == "CVE-2021-3807");
        ansi.Cvss.ShouldBe(7.5);
        ansi.FixedVersions.ShouldBe(["6.0.1", "5.0.1", "4.1.1", "3.0.1"]);
        ansi.Packages.ShouldBe(["ansi-regex"]);
        scan.Findings.Count(f => f.Id == "CVE-2021-3807").ShouldBe(6);

        var marsdb = scan.Vulnerabilities.Single(v => v.Id == "GHSA-5mrr-rgp6-x4gr");
        marsdb.Cvss.ShouldBeNull();
        marsdb.FixedVersions.ShouldBeEmpty();
        scan.Findings.Single(f => f.Id == "GHSA-5mrr-rgp6-x4gr").FixedVersion.ShouldBeNull();
    }

    [Fact]
    public void Read_JuiceShopEmptyResults_NoFindingsButSubject()
    {
        var scan = FixtureDocuments.Read<ScanReport>("trivy", "trivy-juice-shop-v12.10.2-empty-results.json");

        scan.Counts.ShouldBe(SeverityCounts.Zero);
        scan.Vulnerabilities.ShouldBeEmpty();
        scan.Subjects.ShouldBe(["sha256:33238f8c6291415c499265629b1b82ef791f5a33dff09f25c07264204a26f89b"]);
        ScoreWeights.Default.Score(scan.Counts).ShouldBe(10);
    }

    [Fact]
    public void Read_SleMicroClean_NoFindings()
    {
        var scan = FixtureDocuments.Read<ScanReport>("trivy", "trivy-sle-micro-rancher-5.4-clean.json");

        scan.Counts.Total.ShouldBe(0);
        scan.Findings.ShouldBeEmpty();
        scan.ScannerVersion.ShouldBe("dev");
        scan.Subjects.ShouldBeEmpty();
    }

    [Fact]
    public void Read_SchemaVersion1_Refused()
    {
        FixtureDocuments.Refusal("""{"SchemaVersion": 1, "ArtifactName": "x", "Results": []}""")
            .ShouldBe("Trivy SchemaVersion 1 is not supported (2)");
    }

    [Fact]
    public void Read_VulnerabilityWithoutId_RefusedNamingThePath()
    {
        const string json = """{"SchemaVersion": 2, "ArtifactName": "x", "Results": [{"Target": "t", "Vulnerabilities": [{"PkgName": "musl"}]}]}""";

        FixtureDocuments.Refusal(json).ShouldBe("Trivy report: Results[0].Vulnerabilities[0].VulnerabilityID is missing");
    }

    [Fact]
    public void Read_MalformedRepoDigest_Ignored()
    {
        const string json = """{"SchemaVersion": 2, "ArtifactName": "x", "Metadata": {"RepoDigests": ["a@sha256:1234", "b@SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]}}""";

        var scan = EvidenceReader.Read(System.Text.Encoding.UTF8.GetBytes(json)).ShouldBeOfType<ScanReport>();

        scan.Subjects.ShouldBe(["sha256:" + new string('a', 64)]);
    }
}
