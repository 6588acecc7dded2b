namespace Vivido.Evidence.Tests;

public sealed class SpdxReaderTests
{
    [Fact]
    public void Read_TrivyAlpine315_FourteenPackagesAndImageDigest()
    {
        var sbom = FixtureDocuments.Read<SbomDocument>("spdx", "trivy-0.58.0-alpine-3.15.spdx.json");

        sbom.Format.ShouldBe(EvidenceFormat.Spdx);
        sbom.FormatVersion.ShouldBe("SPDX-2.3");
        sbom.Subjects.ShouldBe(["sha256:19b4bcc4f60e99dd5ebdca0cbce22c503bbcff197549d7e19dab4f22254dc864"]);
        sbom.Tool.ShouldBe("trivy 0.58.0");
        sbom.CreatedAt.ShouldBe(new DateTimeOffset(2025, 2, 13, 12, 22, 22, TimeSpan.Zero));
        sbom.Components.Count.ShouldBe(14);
        sbom.Components.ShouldContain(new Component("musl", "1.2.2-r9", "pkg:apk/alpine/musl@1.2.2-r9?arch=x86_64&distro=3.15.11", "library"));
        sbom.Components.ShouldNotContain(c => c.Name == "alpine:3.15" || c.Name == "alpine");
        sbom.Scan.ShouldBeNull();
    }

    [Fact]
    public void Read_ApkoImage_DescribedImageIsTheSubjectNotTheLayer()
    {
        var sbom = FixtureDocuments.Read<SbomDocument>("spdx", "apko-image-x86_64.spdx.json");

        sbom.Subjects.ShouldBe(["sha256:69f0237c7f8cf0b8a329d1bf1d6870c870c4ec323e39d3a6da59596632d0f2f4"]);
        sbom.Tool.ShouldBe("apko (devel)");
        sbom.CreatedAt.ShouldBe(DateTimeOffset.UnixEpoch);
        sbom.Components.Select(c => c.Name).ShouldBe(["pretend-baselayout", "pretend-baselayout.melange.yaml", "replayout", "replayout.melange.yaml"]);
        sbom.Components[0].ShouldBe(new Component("pretend-baselayout", "1.0.0-r0", "pkg:apk/unknown/pretend-baselayout@1.0.0-r0?arch=x86_64", "application"));
    }

    [Fact]
    public void Read_Spdx22_Accepted()
    {
        var sbom = EvidenceReader.Read("""{"spdxVersion": "SPDX-2.2", "packages": [{"name": "a", "versionInfo": "1"}]}"""u8.ToArray())
            .ShouldBeOfType<SbomDocument>();

        sbom.Components.ShouldBe([new Component("a", "1", null, null)]);
    }

    [Fact]
    public void Read_Spdx21_Refused()
    {
        FixtureDocuments.Refusal("""{"spdxVersion": "SPDX-2.1", "packages": []}""").ShouldBe("SPDX-2.1 is not supported (SPDX-2.2, SPDX-2.3)");
    }

    [Fact]
    public void Read_PackageWithoutName_RefusedNamingThePath()
    {
        FixtureDocuments.Refusal("""{"spdxVersion": "SPDX-2.3", "packages": [{"SPDXID": "SPDXRef-a"}]}""")
            .ShouldBe("SPDX document: packages[0].name is missing");
    }
}
