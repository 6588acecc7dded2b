using System.Buffers.Text;
using System.Text.Json;

namespace Vivido.Evidence.Reading;

/// <summary>Unwraps an in-toto statement from a DSSE envelope, bare or inside a Sigstore bundle.</summary>
internal static class DsseEnvelope
{
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    private const string BundleMediaType = "application/vnd.dev.sigstore.bundle";

    public static bool DetectEnvelope(JsonElement root) =>
        root.TryGetProperty("payloadType", out _) && root.TryGetProperty("payload", out _);

    public static bool DetectBundle(JsonElement root) =>
        root.TryGetProperty("mediaType", out var mediaType)
        && mediaType.ValueKind == JsonValueKind.String
        && mediaType.GetString()!.StartsWith(BundleMediaType, StringComparison.Ordinal);

    /// <summary>Reads the statement a DSSE envelope or Sigstore bundle carries.</summary>
    public static ProvenanceDocument Read(JsonElement root, Envelope envelope, int maxDepth)
    {
        var node = envelope == Envelope.SigstoreBundle
            ? new Node(root, "Sigstore bundle").Optional("dsseEnvelope")
                ?? throw new EvidenceFormatException("Sigstore bundle has no dsseEnvelope: only bundles carrying an in-toto statement are read")
            : new Node(root, "DSSE envelope");
        if (node.Kind != JsonValueKind.Object)
        {
            throw node.WrongType("an object");
        }

        var payloadType = node.RequiredString("payloadType");
        if (payloadType != InTotoPayloadType)
        {
            throw new EvidenceFormatException($"DSSE payloadType {payloadType} is not {InTotoPayloadType}");
        }

        var signatures = node.RequiredItems("signatures").Count();
        var payload = Decode(node.RequiredString("payload"))
            ?? throw new EvidenceFormatException("DSSE payload is not base64");

        using var statement = JsonInput.Parse(payload, maxDepth, "the DSSE payload");
        if (!InTotoReader.Detect(statement.RootElement))
        {
            throw new EvidenceFormatException("DSSE payload is not an in-toto Statement");
        }

        return InTotoReader.Read(statement.RootElement, envelope, signatures);
    }

    /// <summary>Standard or URL-safe base64, padded or not (DSSE allows either); null when it is neither.</summary>
    private static byte[]? Decode(string text)
    {
        var normalized = text.Replace('-', '+').Replace('_', '/');
        normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(normalized.Length)];
        return Convert.TryFromBase64String(normalized, bytes, out var written) ? bytes[..written] : null;
    }
}
