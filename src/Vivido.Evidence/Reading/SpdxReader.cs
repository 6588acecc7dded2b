using System.Text.Json;

namespace Vivido.Evidence.Reading;

/// <summary>Reads an SPDX 2.3 (or 2.2) JSON document: its packages, minus the image and its pseudo-packages.</summary>
internal static class SpdxReader
{
    public const string Label = "SPDX document";

    private static readonly string[] Supported = ["SPDX-2.2", "SPDX-2.3"];

    public static bool Detect(JsonElement root) => root.TryGetProperty("spdxVersion", out _);

    public static SbomDocument Read(JsonElement root)
    {
        var document = new Node(root, Label);
        var version = document.RequiredString("spdxVersion");
        if (!Supported.Contains(version, StringComparer.Ordinal))
        {
            throw new EvidenceFormatException($"{version} is not supported (SPDX-2.2, SPDX-2.3)");
        }

        var described = ReadDescribed(document);
        var subjects = new List<string>();
        var components = new List<Component>();
        foreach (var package in document.Items("packages"))
        {
            var name = package.RequiredString("name");
            var purpose = package.NonEmptyString("primaryPackagePurpose")?.ToLowerInvariant().Replace('_', '-');
            var purl = ReadPurl(package);
            var oci = purl is not null && PackageUrl.TryParse(purl, out var parsed) && parsed.Type == "oci" ? parsed : null;
            var isDescribed = package.NonEmptyString("SPDXID") is { } id && described.Contains(id);

            if (purpose == "container" || (isDescribed && oci is not null))
            {
                // Layers are CONTAINER packages too; only the image the document describes is a subject.
                if (isDescribed || described.Count == 0)
                {
                    Digests.AddTo(subjects, Digests.Normalize(oci?.Version));
                    Digests.AddTo(subjects, ReadSha256(package));
                }

                continue;
            }

            if (purpose == "operating-system")
            {
                continue;
            }

            components.Add(new Component(name, package.NonEmptyString("versionInfo"), purl, purpose));
        }

        var creation = document.OptionalObject("creationInfo");
        return new SbomDocument(EvidenceFormat.Spdx, version, subjects, ReadTool(creation), creation?.OptionalDate("created"), components, null);
    }

    /// <summary>The SPDX ids the document describes: documentDescribes and DESCRIBES relationships of the document.</summary>
    private static HashSet<string> ReadDescribed(Node document)
    {
        var described = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in document.Items("documentDescribes"))
        {
            described.Add(id.AsString());
        }

        var self = document.NonEmptyString("SPDXID") ?? "SPDXRef-DOCUMENT";
        foreach (var relationship in document.Items("relationships"))
        {
            if (relationship.OptionalString("relationshipType") == "DESCRIBES"
                && relationship.OptionalString("spdxElementId") == self
                && relationship.NonEmptyString("relatedSpdxElement") is { } target)
            {
                described.Add(target);
            }
        }

        return described;
    }

    private static string? ReadPurl(Node package)
    {
        foreach (var reference in package.Items("externalRefs"))
        {
            if (reference.OptionalString("referenceCategory") is "PACKAGE-MANAGER" or "PACKAGE_MANAGER"
                && reference.OptionalString("referenceType") == "purl")
            {
                return reference.NonEmptyString("referenceLocator");
            }
        }

        return null;
    }

    private static string? ReadSha256(Node package)
    {
        foreach (var checksum in package.Items("checksums"))
        {
            if (checksum.OptionalString("algorithm") == "SHA256")
            {
                return Digests.Normalize(checksum.OptionalString("checksumValue"));
            }
        }

        return null;
    }

    /// <summary>The first <c>Tool: name-version</c> creator as <c>name version</c>.</summary>
    private static string? ReadTool(Node? creation)
    {
        if (creation is null)
        {
            return null;
        }

        foreach (var creator in creation.Value.Items("creators"))
        {
            var text = creator.AsString();
            if (!text.StartsWith("Tool:", StringComparison.Ordinal))
            {
                continue;
            }

            var tool = text["Tool:".Length..].Trim();
            var dash = tool.LastIndexOf('-');
            return dash > 0 && dash < tool.Length - 1 && char.IsAsciiDigit(tool[dash + 1])
                ? $"{tool[..dash]} {tool[(dash + 1)..]}"
                : tool;
        }

        return null;
    }
}
