namespace Vivido.Evidence.Tests;

public sealed class CycloneDxReaderTests
{
    [Fact]
    public void Read_Trivy039Cdx14_DigestFromOciPurlAndTwoComponents()
    {
        var sbom = FixtureDocuments.Read<SbomDocument>("cyclonedx", "trivy-0.39-cdx-1.4-oci-image-by-digest.json");

        sbom.Format.ShouldBe(EvidenceFormat.CycloneDx);
        sbom.FormatVersion.ShouldBe("1.4");
        sbom.Subjects.ShouldBe(["sha256:e76a13475c6b4a713a0e4a7a8574ce450274d340357a2c40b8221cfcfedf8b19"]);
        sbom.Tool.ShouldBe("trivy 0.39.0");
        sbom.CreatedAt.ShouldBe(new DateTimeOffset(2023, 3, 22, 11, 35, 38, TimeSpan.Zero));
        sbom.Components.ShouldBe([
            new Component("github.com/opencontainers/go-digest", "v1.0.0", "pkg:golang/github.com/opencontainers/go-digest@v1.0.0", "library"),
            new Component("golang.org/x/sync", "v0.1.0", "pkg:golang/golang.org/x/sync@v0.1.0", "library"),
        ]);

        // An empty vulnerabilities section is a clean scan, not an absent one.
        var scan = sbom.Scan.ShouldNotBeNull();
        scan.Counts.ShouldBe(SeverityCounts.Zero);
        scan.Scanner.ShouldBe("trivy");
        scan.ScannerVersion.ShouldBe("0.39.0");
    }

    [Fact]
    public void Read_TrivyCdx15Centos_ComponentsWithoutOsAndNoScan()
    {
        var sbom = FixtureDocuments.Read<SbomDocument>("cyclonedx", "trivy-cdx-1.5-centos-7-image.json");

        sbom.FormatVersion.ShouldBe("1.5");
        sbom.Subjects.ShouldBeEmpty();
        sbom.Tool.ShouldBe("trivy dev");
        sbom.Components.Select(c => c.Name).ShouldBe(["bash", "openssl-libs"]);
        sbom.Components[1].Purl.ShouldBe("pkg:rpm/centos/openssl-libs@1.0.2k-16.el7?arch=x86_64&epoch=1&distro=centos-7.6.1810");
        sbom.Scan.ShouldBeNull();
    }

    [Fact]
    public void Read_TrivyCdx16Fluentd_ThreeVulnerabilitiesOnTheirComponents()
    {
        var sbom = FixtureDocuments.Read<SbomDocument>("cyclonedx", "trivy-cdx-1.6-fluentd-image-with-vulns.json");

        sbom.FormatVersion.ShouldBe("1.6");
        sbom.Tool.ShouldBe("trivy dev");
        sbom.CreatedAt.ShouldBe(new DateTimeOffset(2021, 8, 25, 12, 20, 30, TimeSpan.Zero));
        sbom.Components.Select(c => c.Name).ShouldBe(["bash", "libidn2-0", "activesupport"]);

        var scan = sbom.Scan.ShouldNotBeNull();
        scan.Format.ShouldBe(EvidenceFormat.CycloneDx);
        scan.Scanner.ShouldBe("trivy");
        scan.ScannerVersion.ShouldBe("dev");
        scan.ScannedAt.ShouldBe(sbom.CreatedAt);
        scan.Counts.ShouldBe(new SeverityCounts(2, 1, 0, 0, 0));
        scan.Findings.ShouldBe([
            new Finding("CVE-2019-18224", Severity.Critical, 9.8, "libidn2-0", "2.0.5-1", null, "pkg:deb/debian/libidn2-0@2.0.5-1?distro=debian-10.2"),
            new Finding("CVE-2019-18276", Severity.High, 7.8, "bash", "5.0-4", null, "pkg:deb/debian/bash@5.0-4?distro=debian-10.2"),
            new Finding("CVE-2020-8165", Severity.Critical, 9.8, "activesupport", "6.0.2.1", null, "pkg:gem/activesupport@6.0.2.1"),
        ]);
    }

    [Fact]
    public void Read_NestedComponentsAndRepoDigestProperty_AllRead()
    {
        const string json = """
            {"bomFormat": "CycloneDX", "specVersion": "1.5",
             "metadata": {"tools": {"components": [{"name": "Syft", "version": "1.0"}]},
               "component": {"type": "container", "name": "img", "properties": [
                 {"name": "aquasecurity:trivy:RepoDigest", "value": "r@sha256:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"}]}},
             "components": [{"type": "application", "name": "outer", "components": [{"type": "library", "name": "inner", "version": "2"}]}]}
            """;

        var sbom = EvidenceReader.Read(System.Text.Encoding.UTF8.GetBytes(json)).ShouldBeOfType<SbomDocument>();

        sbom.Subjects.ShouldBe(["sha256:" + new string('b', 64)]);
        sbom.Tool.ShouldBe("Syft 1.0");
        sbom.Components.Select(c => c.Name).ShouldBe(["outer", "inner"]);
    }

    [Theory]
    [InlineData("1.3")]
    [InlineData("1.7")]
    public void Read_UnsupportedSpecVersion_RefusedNamingIt(string version)
    {
        FixtureDocuments.Refusal($$"""{"bomFormat": "CycloneDX", "specVersion": "{{version}}", "components": []}""")
            .ShouldBe($"CycloneDX {version} is not supported (1.4 to 1.6)");
    }

    [Fact]
    public void Read_ComponentWithoutName_RefusedNamingThePath()
    {
        FixtureDocuments.Refusal("""{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"name": "a"}, {"type": "library"}]}""")
            .ShouldBe("CycloneDX BOM: components[1].name is missing");
    }
}
