using System.Text.Json;

namespace Vivido.Evidence.Reading;

/// <summary>Reads a Trivy JSON report (SchemaVersion 2): every Results[].Vulnerabilities[] entry is a finding.</summary>
internal static class TrivyReader
{
    public const string Label = "Trivy report";

    public static bool Detect(JsonElement root) =>
        root.TryGetProperty("SchemaVersion", out _) && (root.TryGetProperty("ArtifactName", out _) || root.TryGetProperty("Results", out _));

    public static ScanReport Read(JsonElement root)
    {
        var report = new Node(root, Label);
        var schema = report.Required("SchemaVersion");
        if (schema.Kind != JsonValueKind.Number || !schema.Element.TryGetInt32(out var version))
        {
            throw schema.WrongType("a whole number");
        }

        if (version != 2)
        {
            throw new EvidenceFormatException($"Trivy SchemaVersion {version} is not supported (2)");
        }

        var subjects = new List<string>();
        if (report.OptionalObject("Metadata") is { } metadata)
        {
            foreach (var repoDigest in metadata.Items("RepoDigests"))
            {
                Digests.AddTo(subjects, Digests.FromReference(repoDigest.AsString()));
            }
        }

        var findings = new List<Finding>();
        foreach (var result in report.Items("Results"))
        {
            // Secret and misconfiguration results carry Secrets/Misconfigurations, never Vulnerabilities.
            foreach (var vulnerability in result.Items("Vulnerabilities"))
            {
                findings.Add(ReadFinding(vulnerability));
            }
        }

        var scannerVersion = report.OptionalObject("Trivy")?.NonEmptyString("Version");
        return ScanBuilder.Build(
            EvidenceFormat.Trivy,
            "2",
            subjects,
            "trivy",
            scannerVersion,
            report.OptionalDate("CreatedAt"),
            null,
            findings);
    }

    private static Finding ReadFinding(Node vulnerability)
    {
        var cvss = new CvssPick();
        if (vulnerability.OptionalObject("CVSS") is { } sources)
        {
            foreach (var scores in sources.Values())
            {
                if (scores.Kind != JsonValueKind.Object)
                {
                    throw scores.WrongType("an object");
                }

                cvss.Add(scores.OptionalNumber("V3Score"), isV2: false);
                cvss.Add(scores.OptionalNumber("V2Score"), isV2: true);
            }
        }

        return new Finding(
            vulnerability.RequiredString("VulnerabilityID"),
            Severities.Parse(vulnerability.OptionalString("Severity")),
            cvss.Best,
            vulnerability.RequiredString("PkgName"),
            vulnerability.NonEmptyString("InstalledVersion"),
            vulnerability.NonEmptyString("FixedVersion"),
            vulnerability.OptionalObject("PkgIdentifier")?.NonEmptyString("PURL"));
    }
}
