using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Core.Bundles;

/// <summary>How bundle files are written and read: camelCase, enums as lowercase names, indented with <c>\n</c>, strict about nulls.</summary>
internal static class BundleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        // Files for people and tools, never embedded in HTML: '+' in a time offset stays '+'.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static byte[] Write<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static JsonElement Element(object value) => JsonSerializer.SerializeToElement(value, value.GetType(), Options);

    /// <summary>Reads <paramref name="bytes"/> as <typeparamref name="T"/>; a document that does not read is a <see cref="BundleFormatException"/> naming <paramref name="path"/>.</summary>
    public static T Read<T>(string path, byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Options) ?? throw new BundleFormatException($"{path}: is null");
        }
        catch (JsonException ex)
        {
            throw new BundleFormatException($"{path}: malformed ({OneLine(ex.Message)})", ex);
        }
    }

    public static object ReadFact(EvidenceKind kind, JsonElement fact) =>
        fact.Deserialize(FactType(kind), Options) ?? throw new JsonException("the fact is null");

    private static Type FactType(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Scan => typeof(ScanFact),
        EvidenceKind.Sbom => typeof(SbomFact),
        EvidenceKind.Signature => typeof(SignatureFact),
        EvidenceKind.Provenance => typeof(ProvenanceFact),
        EvidenceKind.Test => typeof(TestResultFact),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown evidence kind"),
    };

    public static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
