using System.Text.Json;

namespace Vivido.Evidence.Reading;

/// <summary>Reads a CycloneDX JSON BOM (1.4 to 1.6): its components and, when present, its vulnerabilities.</summary>
internal static class CycloneDxReader
{
    public const string Label = "CycloneDX BOM";

    private static readonly string[] Supported = ["1.4", "1.5", "1.6"];

    public static bool Detect(JsonElement root) =>
        root.TryGetProperty("bomFormat", out var format) && format.ValueKind == JsonValueKind.String && format.ValueEquals("CycloneDX");

    public static SbomDocument Read(JsonElement root)
    {
        var bom = new Node(root, Label);
        var specVersion = bom.RequiredString("specVersion");
        if (!Supported.Contains(specVersion, StringComparer.Ordinal))
        {
            throw new EvidenceFormatException($"CycloneDX {specVersion} is not supported (1.4 to 1.6)");
        }

        var metadata = bom.OptionalObject("metadata");
        var image = metadata?.OptionalObject("component");
        var subjects = ReadSubjects(image);
        var (toolName, toolVersion) = ReadTool(metadata);

        var components = new List<Component>();
        var byRef = new Dictionary<string, Component>(StringComparer.Ordinal);
        ReadComponents(bom, components, byRef);

        ScanReport? scan = null;
        if (bom.Optional("vulnerabilities") is not null)
        {
            var findings = new List<Finding>();
            foreach (var vulnerability in bom.Items("vulnerabilities"))
            {
                ReadFindings(vulnerability, byRef, findings);
            }

            scan = ScanBuilder.Build(
                EvidenceFormat.CycloneDx,
                specVersion,
                subjects,
                toolName?.ToLowerInvariant() ?? "cyclonedx",
                toolVersion,
                metadata?.OptionalDate("timestamp"),
                null,
                findings);
        }

        var tool = toolName is null ? null : toolVersion is null ? toolName : $"{toolName} {toolVersion}";
        return new SbomDocument(EvidenceFormat.CycloneDx, specVersion, subjects, tool, metadata?.OptionalDate("timestamp"), components, scan);
    }

    private static List<string> ReadSubjects(Node? image)
    {
        var subjects = new List<string>();
        if (image is null)
        {
            return subjects;
        }

        if (image.Value.NonEmptyString("purl") is { } purl
            && PackageUrl.TryParse(purl, out var parsed)
            && parsed.Type == "oci")
        {
            Digests.AddTo(subjects, Digests.Normalize(parsed.Version));
        }

        foreach (var property in image.Value.Items("properties"))
        {
            if (property.OptionalString("name") == "aquasecurity:trivy:RepoDigest")
            {
                Digests.AddTo(subjects, Digests.FromReference(property.OptionalString("value")));
            }
        }

        return subjects;
    }

    private static (string? Name, string? Version) ReadTool(Node? metadata)
    {
        var tools = metadata?.Optional("tools");
        var first = tools?.Kind switch
        {
            JsonValueKind.Array => metadata!.Value.Items("tools").FirstOrDefault(),
            JsonValueKind.Object => tools.Value.Items("components").FirstOrDefault(),
            null => default,
            _ => throw tools.Value.WrongType("an array or an object"),
        };

        return first.Kind == JsonValueKind.Object ? (first.NonEmptyString("name"), first.NonEmptyString("version")) : (null, null);
    }

    private static void ReadComponents(Node parent, List<Component> components, Dictionary<string, Component> byRef)
    {
        foreach (var node in parent.Items("components"))
        {
            var type = node.NonEmptyString("type")?.ToLowerInvariant();
            var component = new Component(node.RequiredString("name"), node.NonEmptyString("version"), node.NonEmptyString("purl"), type);

            // The OS pseudo-package names the distribution, not something installed.
            if (type != "operating-system")
            {
                components.Add(component);
            }

            if (node.NonEmptyString("bom-ref") is { } reference)
            {
                byRef.TryAdd(reference, component);
            }

            ReadComponents(node, components, byRef);
        }
    }

    private static void ReadFindings(Node vulnerability, Dictionary<string, Component> byRef, List<Finding> findings)
    {
        var id = vulnerability.RequiredString("id");
        var severity = Severity.Unknown;
        var cvss = new CvssPick();
        foreach (var rating in vulnerability.Items("ratings"))
        {
            severity = Severities.Max(severity, Severities.Parse(rating.OptionalString("severity")));
            var method = rating.OptionalString("method") ?? string.Empty;
            cvss.Add(rating.OptionalNumber("score"), isV2: method.Equals("CVSSv2", StringComparison.OrdinalIgnoreCase));
        }

        var affects = vulnerability.Items("affects").ToList();
        if (affects.Count == 0)
        {
            findings.Add(new Finding(id, severity, cvss.Best, string.Empty, null, null, null));
            return;
        }

        foreach (var affected in affects)
        {
            var reference = affected.RequiredString("ref");
            findings.Add(byRef.TryGetValue(reference, out var component)
                ? new Finding(id, severity, cvss.Best, component.Name, component.Version, null, component.Purl)
                : new Finding(id, severity, cvss.Best, reference, null, null, null));
        }
    }
}
