using System.Text;

namespace Vivido.Evidence.Tests;

public sealed class GrypeReaderTests
{
    [Fact]
    public void Read_Busybox1321_OneCriticalTenHigh()
    {
        var scan = FixtureDocuments.Read<ScanReport>("grype", "grype-0.94-busybox-1.32.1-critical.json");

        scan.Format.ShouldBe(EvidenceFormat.Grype);
        scan.Scanner.ShouldBe("grype");
        scan.ScannerVersion.ShouldBe("0.94.0");
        scan.ScannedAt.ShouldBe(new DateTimeOffset(2025, 6, 19, 11, 43, 35, TimeSpan.Zero).AddTicks(5239471));
        scan.DatabaseAt.ShouldBe(new DateTimeOffset(2025, 6, 19, 4, 12, 38, TimeSpan.Zero));
        scan.Counts.ShouldBe(new SeverityCounts(1, 10, 2, 2, 0));
        scan.Vulnerabilities.Count.ShouldBe(15);
        scan.Subjects.ShouldBe([
            "sha256:123b1fd3a44eaaf7322e08e9175d9ca57d49ebf2955d4fa1f5607e99dc31bcbb",
            "sha256:ae39a6f5c07297d7ab64dbd4f82c77c874cc6a94cea29fdec309d0992574b4f7",
        ]);

        var critical = scan.Vulnerabilities.Single(v => v.Severity == Severity.Critical);
        critical.Id.ShouldBe("CVE-2022-48174");
        critical.Cvss.ShouldBe(9.8);
        critical.FixedVersions.ShouldBeEmpty();

        var fixedOne = scan.Findings.Single(f => f.Id == "CVE-2021-42376");
        fixedOne.ShouldBe(new Finding("CVE-2021-42376", Severity.Medium, 5.5, "busybox", "1.32.1", "1.34.0", "pkg:generic/busybox@1.32.1"));
        scan.Findings.Single(f => f.Id == "CVE-2022-28391").Cvss.ShouldBe(8.8);
    }

    [Fact]
    public void Read_KeycloakByDigest_SixLowFindingsOfOneCve()
    {
        var scan = FixtureDocuments.Read<ScanReport>("grype", "grype-keycloak-21.0.2-by-digest.json");

        scan.ScannerVersion.ShouldBe("0.66.0");
        scan.DatabaseAt.ShouldBe(new DateTimeOffset(2023, 9, 1, 1, 26, 55, TimeSpan.Zero));
        scan.ScannedAt.ShouldBe(new DateTimeOffset(2023, 9, 1, 8, 13, 42, TimeSpan.FromHours(-4)).AddTicks(2019400));
        scan.Counts.ShouldBe(new SeverityCounts(0, 0, 0, 6, 0));
        var raccoon = scan.Vulnerabilities.ShouldHaveSingleItem();
        raccoon.Id.ShouldBe("CVE-2020-12413");
        raccoon.Cvss.ShouldBe(5.9);
        raccoon.FixedVersions.ShouldBeEmpty();
        raccoon.Packages.ShouldBe(["nspr", "nss", "nss-softokn", "nss-softokn-freebl", "nss-sysinit", "nss-util"]);
        scan.Subjects.ShouldBe([
            "sha256:d1630d3eb8285a978301bcefc5b223e564ae300750af2fc9ea3f413c5376a47e",
            "sha256:347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50",
        ]);
    }

    [Fact]
    public void Read_PresenterSnapshot_OneCriticalOneLow()
    {
        var scan = FixtureDocuments.Read<ScanReport>("grype", "grype-presenter-image-critical-synthetic.json");

        scan.Counts.ShouldBe(new SeverityCounts(1, 0, 0, 1, 0));
        scan.ScannerVersion.ShouldBe("[not provided]");
        scan.ScannedAt.ShouldBeNull();
        scan.DatabaseAt.ShouldBeNull();
        scan.Subjects.ShouldBe(["sha256:ca738abb87a8d58f112d3400ebb079b61ceae7dc290beb34bda735be4b1941d5"]);
        scan.Findings.ShouldBe([
            new Finding("CVE-1999-0001", Severity.Low, 8.2, "package-1", "1.1.1", "1.2.1, 2.1.3, 3.4.0", null),
            new Finding("CVE-1999-0002", Severity.Critical, 8.5, "package-2", "2.2.2", null, "pkg:deb/package-2@2.2.2"),
        ]);
        scan.Vulnerabilities[0].FixedVersions.ShouldBe(["1.2.1", "2.1.3", "3.4.0"]);
    }

    [Fact]
    public void Read_Grype07Clean_NoMatchesManifestDigestOnly()
    {
        var scan = FixtureDocuments.Read<ScanReport>("grype", "grype-0.7-busybox-latest-clean.json");

        scan.Counts.ShouldBe(SeverityCounts.Zero);
        scan.ScannerVersion.ShouldBe("0.7.0");
        scan.ScannedAt.ShouldBeNull();
        scan.Subjects.ShouldBe(["sha256:6bea45f4e050ffdbb3a0f57a6c6f16318314a482f31442c4461a72a3ee2f3ee6"]);
    }

    [Fact]
    public void Read_NoCvssOnMatch_FallsBackToRelatedVulnerabilities()
    {
        const string json = """
            {"descriptor": {"name": "grype", "version": "0.80.0"}, "matches": [{
              "vulnerability": {"id": "GHSA-x", "severity": "High", "cvss": []},
              "relatedVulnerabilities": [{"id": "CVE-1", "cvss": [{"version": "2.0", "metrics": {"baseScore": 9.3}}, {"version": "3.1", "metrics": {"baseScore": 7.1}}]}],
              "artifact": {"name": "lib", "version": "1"}}]}
            """;

        var scan = EvidenceReader.Read(Encoding.UTF8.GetBytes(json)).ShouldBeOfType<ScanReport>();

        scan.Findings.ShouldHaveSingleItem().Cvss.ShouldBe(7.1);
    }

    [Fact]
    public void Read_MatchWithoutVulnerabilityId_RefusedNamingThePath()
    {
        var matches = string.Join(',', Enumerable.Range(0, 4).Select(i => i == 3
            ? """{"vulnerability": {"severity": "High"}, "artifact": {"name": "a"}}"""
            : $$$"""{"vulnerability": {"id": "CVE-{{{i}}}"}, "artifact": {"name": "a"}}"""));

        FixtureDocuments.Refusal($$"""{"descriptor": {"name": "grype"}, "matches": [{{matches}}]}""")
            .ShouldBe("Grype report: matches[3].vulnerability.id is missing");
    }

    [Fact]
    public void Read_MatchesNotAnArrayOfObjects_Refused()
    {
        FixtureDocuments.Refusal("""{"descriptor": {}, "matches": [{"vulnerability": "CVE-1", "artifact": {"name": "a"}}]}""")
            .ShouldBe("Grype report: matches[0].vulnerability must be an object");
    }
}
