using System.Text;

namespace Vivido.Evidence.Tests;

public sealed class LimitAndSyntaxRefusalTests
{
    [Fact]
    public void Read_FiftyMegabytes_RefusedBeforeParsing()
    {
        // Not JSON at all: the size check must come first, so the message is about size only.
        var document = new byte[50 * 1024 * 1024];

        FixtureDocuments.Refusal(document).ShouldBe("the document is 52428800 bytes; the limit is 16777216");
    }

    [Fact]
    public void Read_CustomLimit_Applied()
    {
        var document = FixtureDocuments.Bytes("trivy", "trivy-alpine-3.9.4-critical.json");

        FixtureDocuments.Refusal(document, new EvidenceReaderOptions(MaxBytes: 1000))
            .ShouldBe($"the document is {document.Length} bytes; the limit is 1000");
    }

    [Fact]
    public void Read_InvalidUtf8_RefusedWithBytePosition()
    {
        var document = Encoding.UTF8.GetBytes("""{"SchemaVersion": 2, "ArtifactName": "x"}""");
        document[20] = 0xC3;
        document[21] = 0x28;

        FixtureDocuments.Refusal(document).ShouldBe("the document is not valid UTF-8 (byte 21)");
    }

    [Fact]
    public void Read_NestedThousandDeep_RefusedAsTooDeep()
    {
        var json = """{"a":""" + string.Concat(Enumerable.Repeat("[", 1000)) + string.Concat(Enumerable.Repeat("]", 1000)) + "}";

        FixtureDocuments.Refusal(json).ShouldBe("the document is nested deeper than 64 levels (line 1, byte 69)");
    }

    [Fact]
    public void Read_NestedExactlyAtLimit_ParsesThenIsUnknown()
    {
        var json = """{"a":""" + string.Concat(Enumerable.Repeat("[", 63)) + string.Concat(Enumerable.Repeat("]", 63)) + "}";

        FixtureDocuments.Refusal(json).ShouldStartWith("unknown document format");
    }

    [Theory]
    [InlineData("trivy", "trivy-alpine-3.9.4-critical.json")]
    [InlineData("grype", "grype-0.94-busybox-1.32.1-critical.json")]
    [InlineData("cyclonedx", "trivy-cdx-1.6-fluentd-image-with-vulns.json")]
    [InlineData("spdx", "trivy-0.58.0-alpine-3.15.spdx.json")]
    [InlineData("provenance", "slsa-github-generator-container-provenance-v0.2.dsse.json")]
    public void Read_FixtureCutInHalf_RefusedAsTruncated(string kind, string file)
    {
        var document = FixtureDocuments.Bytes(kind, file);
        var half = document[..(document.Length / 2)];

        FixtureDocuments.Refusal(half).ShouldBe($"the document is truncated: the JSON ends at byte {half.Length} before its value is complete");
    }

    [Fact]
    public void Read_SyntaxError_RefusedWithLineAndByte()
    {
        FixtureDocuments.Refusal("{\n  \"SchemaVersion\": 2,\n  \"Results\": [}\n}")
            .ShouldBe("the document is not valid JSON: '}' is an invalid start of a value (line 3, byte 15)");
    }

    [Fact]
    public void Read_TrailingGarbage_Refused()
    {
        FixtureDocuments.Refusal("""{"SchemaVersion": 2} x""")
            .ShouldStartWith("the document is not valid JSON:");
    }

    [Theory]
    [InlineData("""{"SchemaVersion": 2, "ArtifactName": "x", "Results": [{"Vulnerabilities": [{"VulnerabilityID": "\ud800", "PkgName": "a"}]}]}""")]
    [InlineData("""{"\ud800": 1, "SchemaVersion": 2, "ArtifactName": "x"}""")]
    [InlineData("""{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"name": "\udc00x"}]}""")]
    public void Read_LoneSurrogateEscape_Refused(string json)
    {
        FixtureDocuments.Refusal(json).ShouldContain("invalid");
    }

    [Fact]
    public void Read_UnknownJson_RefusedNamingTheFormats()
    {
        FixtureDocuments.Refusal("""{"kind": "Pod", "spec": {}}""")
            .ShouldBe("unknown document format: expected Trivy, Grype, CycloneDX, SPDX or in-toto JSON");
    }

    [Fact]
    public void Read_ArrayAtTopLevel_Refused()
    {
        FixtureDocuments.Refusal("""[{"SchemaVersion": 2}]""").ShouldBe("the document is a JSON array; expected an object");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Read_Empty_Refused(string json)
    {
        FixtureDocuments.Refusal(json).ShouldBe("the document is empty");
    }

    [Fact]
    public void Read_ByteOrderMark_Skipped()
    {
        var document = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(FixtureDocuments.Bytes("trivy", "trivy-alpine-3.9.4-critical.json")).ToArray();

        EvidenceReader.Read(document).ShouldBeOfType<ScanReport>().Counts.Critical.ShouldBe(2);
    }

    [Fact]
    public void Read_MistypedDate_RefusedNamingTheField()
    {
        FixtureDocuments.Refusal("""{"SchemaVersion": 2, "ArtifactName": "x", "CreatedAt": "yesterday"}""")
            .ShouldBe("Trivy report: CreatedAt is not a date: \"yesterday\"");
    }

    [Fact]
    public void Read_SixteenMegabyteTrivyReport_Parses()
    {
        var document = LargeTrivyReport(16 * 1024 * 1024 - 1024);

        var scan = EvidenceReader.Read(document).ShouldBeOfType<ScanReport>();

        scan.Findings.Count.ShouldBeGreaterThan(10_000);
        scan.Vulnerabilities.Count.ShouldBe(scan.Findings.Count);
    }

    /// <summary>A Trivy report just under <paramref name="size"/> bytes, padded with distinct findings.</summary>
    internal static byte[] LargeTrivyReport(int size)
    {
        var text = new StringBuilder("""{"SchemaVersion": 2, "ArtifactName": "big", "Results": [{"Target": "t", "Vulnerabilities": [""");
        var severities = new[] { "CRITICAL", "HIGH", "MEDIUM", "LOW" };
        for (var i = 0; text.Length < size - 600; i++)
        {
            text.Append(i == 0 ? string.Empty : ",")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $$$"""{"VulnerabilityID": "CVE-2024-{{{i}}}", "PkgName": "pkg{{{i % 97}}}", "InstalledVersion": "1.0.{{{i}}}", "FixedVersion": "1.1.{{{i}}}", "Severity": "{{{severities[i % 4]}}}", "PkgIdentifier": {"PURL": "pkg:npm/pkg{{{i % 97}}}@1.0.{{{i}}}"}, "CVSS": {"nvd": {"V3Score": 7.5, "V2Score": 5.0}, "ghsa": {"V3Score": 8.1}}, "Title": "a finding that takes some room in the report"}""");
        }

        return Encoding.UTF8.GetBytes(text.Append("]}]}").ToString());
    }
}
