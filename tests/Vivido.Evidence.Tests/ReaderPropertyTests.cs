using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Vivido.Evidence.Tests;

public sealed class ReaderPropertyTests
{
    private static readonly string[] Keys =
        ["SchemaVersion", "ArtifactName", "Results", "Vulnerabilities", "matches", "descriptor", "source", "bomFormat", "specVersion",
         "components", "vulnerabilities", "spdxVersion", "packages", "_type", "predicateType", "predicate", "subject", "payloadType",
         "payload", "signatures", "mediaType", "dsseEnvelope", "VulnerabilityID", "PkgName", "vulnerability", "artifact", "id", "name"];

    private static readonly string[] Strings =
        ["CycloneDX", "1.5", "SPDX-2.3", "https://in-toto.io/Statement/v1", "https://slsa.dev/provenance/v1",
         "application/vnd.in-toto+json", "application/vnd.dev.sigstore.bundle.v0.3+json", "eyJfdHlwZSI6MX0=", "CRITICAL", "", "\\ud800", "pkg:oci/x@sha256%3A"];

    [Fact]
    public void Read_RandomBytes_OnlyEvidenceFormatException()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => ThrowsNothingElse(bytes)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Read_RandomJson_OnlyEvidenceFormatException()
    {
        Prop.ForAll(Arb.From(JsonValue(4)), json => ThrowsNothingElse(Encoding.UTF8.GetBytes(json))).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Read_RandomCutsOfFixtures_OnlyEvidenceFormatException()
    {
        var fixtures = new[]
        {
            FixtureDocuments.Bytes("trivy", "trivy-alpine-3.9.4-critical.json"),
            FixtureDocuments.Bytes("grype", "grype-presenter-image-critical-synthetic.json"),
            FixtureDocuments.Bytes("cyclonedx", "trivy-cdx-1.6-fluentd-image-with-vulns.json"),
            FixtureDocuments.Bytes("provenance", "github-artifact-attestation-slsa-v1.sigstore.json"),
        };
        var cuts = from index in Gen.Choose(0, fixtures.Length - 1)
                   from fraction in Gen.Choose(0, 1000)
                   select fixtures[index][..(fixtures[index].Length * fraction / 1000)];

        Prop.ForAll(Arb.From(cuts), bytes => ThrowsNothingElse(bytes)).QuickCheckThrowOnFailure();
    }

    private static bool ThrowsNothingElse(byte[] bytes)
    {
        try
        {
            EvidenceReader.Read(bytes);
            return true;
        }
        catch (EvidenceFormatException error)
        {
            return error.Message.Length > 0 && !error.Message.Contains('\n', StringComparison.Ordinal);
        }
    }

    /// <summary>JSON built from the keys and values the readers look at, so that detection and field reading are exercised.</summary>
    private static Gen<string> JsonValue(int depth)
    {
        var scalar = Gen.OneOf(
            Gen.Elements(Strings).Select(s => "\"" + s + "\""),
            Gen.Choose(-3, 3).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Elements("true", "false", "null", "9.8", "\"2021-08-25T12:20:30Z\"", "\"sha256:" + new string('a', 64) + "\""));
        if (depth == 0)
        {
            return scalar;
        }

        var member = from key in Gen.Elements(Keys)
                     from value in JsonValue(depth - 1)
                     select "\"" + key + "\":" + value;
        var obj = Gen.Choose(0, 5).SelectMany(n => member.ArrayOf(n)).Select(members => "{" + string.Join(',', members) + "}");
        var array = Gen.Choose(0, 3).SelectMany(n => JsonValue(depth - 1).ArrayOf(n)).Select(items => "[" + string.Join(',', items) + "]");
        return Gen.Frequency((2, scalar), (4, obj), (1, array));
    }
}
