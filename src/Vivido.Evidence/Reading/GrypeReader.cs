using System.Text.Json;

namespace Vivido.Evidence.Reading;

/// <summary>Reads <c>grype -o json</c> output: every matches[] entry is a finding.</summary>
internal static class GrypeReader
{
    public const string Label = "Grype report";

    public static bool Detect(JsonElement root) =>
        root.TryGetProperty("matches", out var matches) && matches.ValueKind == JsonValueKind.Array
        && (root.TryGetProperty("descriptor", out _) || root.TryGetProperty("source", out _));

    public static ScanReport Read(JsonElement root)
    {
        var report = new Node(root, Label);
        var findings = new List<Finding>();
        foreach (var match in report.RequiredItems("matches"))
        {
            findings.Add(ReadFinding(match));
        }

        var descriptor = report.OptionalObject("descriptor");
        var database = descriptor?.OptionalObject("db");
        var databaseAt = database?.OptionalDate("built") ?? database?.OptionalObject("status")?.OptionalDate("built");
        return ScanBuilder.Build(
            EvidenceFormat.Grype,
            descriptor?.NonEmptyString("version") ?? string.Empty,
            ReadSubjects(report),
            descriptor?.NonEmptyString("name")?.ToLowerInvariant() ?? "grype",
            descriptor?.NonEmptyString("version"),
            descriptor?.OptionalDate("timestamp"),
            databaseAt,
            findings);
    }

    private static List<string> ReadSubjects(Node report)
    {
        var subjects = new List<string>();

        // A directory or file scan has a string target and no image digest.
        if (report.OptionalObject("source")?.Optional("target") is { Kind: JsonValueKind.Object } target)
        {
            Digests.AddTo(subjects, Digests.Normalize(target.OptionalString("manifestDigest")));
            foreach (var repoDigest in target.Items("repoDigests"))
            {
                Digests.AddTo(subjects, Digests.FromReference(repoDigest.AsString()));
            }
        }

        return subjects;
    }

    private static Finding ReadFinding(Node match)
    {
        var vulnerability = match.RequiredObject("vulnerability");
        var artifact = match.RequiredObject("artifact");

        var cvss = new CvssPick();
        AddScores(ref cvss, vulnerability);
        if (cvss.Best is null)
        {
            foreach (var related in match.Items("relatedVulnerabilities"))
            {
                AddScores(ref cvss, related);
            }
        }

        return new Finding(
            vulnerability.RequiredString("id"),
            Severities.Parse(vulnerability.OptionalString("severity")),
            cvss.Best,
            artifact.RequiredString("name"),
            artifact.NonEmptyString("version"),
            FixedVersions(vulnerability),
            artifact.NonEmptyString("purl"));
    }

    private static string? FixedVersions(Node vulnerability)
    {
        if (vulnerability.OptionalObject("fix") is { } fix)
        {
            var versions = fix.Items("versions").Select(v => v.AsString()).Where(v => v.Length > 0).ToList();
            return versions.Count > 0 ? string.Join(", ", versions) : null;
        }

        // Grype before the fix object (0.7 and earlier) reported a single fixedInVersion.
        return vulnerability.NonEmptyString("fixedInVersion");
    }

    private static void AddScores(ref CvssPick cvss, Node vulnerability)
    {
        foreach (var entry in vulnerability.Items("cvss"))
        {
            var version = entry.OptionalString("version") ?? string.Empty;
            var score = entry.OptionalObject("metrics")?.OptionalNumber("baseScore");
            cvss.Add(score, isV2: version.StartsWith('2'));
        }
    }
}
