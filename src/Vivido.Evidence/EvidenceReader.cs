using System.Globalization;
using System.Text.Json;
using Vivido.Evidence.Reading;

namespace Vivido.Evidence;

/// <summary>Detects a document's format and reads it into a <see cref="ScanReport"/>, <see cref="SbomDocument"/> or <see cref="ProvenanceDocument"/>.</summary>
public static class EvidenceReader
{
    /// <summary>
    /// Reads <paramref name="document"/> (UTF-8 JSON). Throws <see cref="EvidenceFormatException"/> with a
    /// one-line reason for a document that is too large, not UTF-8, not JSON, nested too deeply,
    /// truncated, of an unknown or unsupported format or version, or missing a required field.
    /// </summary>
    public static EvidenceDocument Read(ReadOnlyMemory<byte> document, EvidenceReaderOptions? options = null)
    {
        options ??= EvidenceReaderOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDepth, 1, nameof(options));
        if (document.Length > options.MaxBytes)
        {
            throw new EvidenceFormatException(string.Create(
                CultureInfo.InvariantCulture, $"the document is {document.Length} bytes; the limit is {options.MaxBytes}"));
        }

        using var json = JsonInput.Parse(document, options.MaxDepth, "the document");
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new EvidenceFormatException($"the document is a JSON {Describe(root.ValueKind)}; expected an object");
        }

        try
        {
            return Dispatch(root, options.MaxDepth);
        }
        catch (InvalidOperationException error)
        {
            // System.Text.Json refuses some well-formed but unreadable text only when a string is read, e.g. an escaped lone surrogate.
            throw new EvidenceFormatException($"the document contains an invalid string: {error.Message.TrimEnd('.')}", error);
        }
    }

    private static EvidenceDocument Dispatch(JsonElement root, int maxDepth)
    {
        // Every reader copies what it keeps into records, so nothing refers to the JsonDocument after it is disposed.
        if (TrivyReader.Detect(root))
        {
            return TrivyReader.Read(root);
        }

        if (GrypeReader.Detect(root))
        {
            return GrypeReader.Read(root);
        }

        if (CycloneDxReader.Detect(root))
        {
            return CycloneDxReader.Read(root);
        }

        if (SpdxReader.Detect(root))
        {
            return SpdxReader.Read(root);
        }

        if (InTotoReader.Detect(root))
        {
            return InTotoReader.Read(root, Envelope.None, 0);
        }

        if (DsseEnvelope.DetectBundle(root))
        {
            return DsseEnvelope.Read(root, Envelope.SigstoreBundle, maxDepth);
        }

        if (DsseEnvelope.DetectEnvelope(root))
        {
            return DsseEnvelope.Read(root, Envelope.Dsse, maxDepth);
        }

        throw new EvidenceFormatException("unknown document format: expected Trivy, Grype, CycloneDX, SPDX or in-toto JSON");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
