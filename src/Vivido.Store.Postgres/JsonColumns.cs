using System.Text.Json;
using System.Text.Json.Serialization;
using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

/// <summary>The JSON stored in text columns: string maps, string lists and evidence facts, written exactly as the SQLite store writes them.</summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Map(IReadOnlyDictionary<string, string> map) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(map.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal), Options);

    public static IReadOnlyDictionary<string, string> ParseMap(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? [];

    public static string List(IEnumerable<string> items) => JsonSerializer.Serialize(items.ToArray(), Options);

    public static IReadOnlyList<string> ParseList(string json) => JsonSerializer.Deserialize<string[]>(json, Options) ?? [];

    public static string Fact(object fact) => JsonSerializer.Serialize(fact, fact.GetType(), Options);

    public static object ParseFact(EvidenceKind kind, string json) => kind switch
    {
        EvidenceKind.Scan => Deserialize<ScanFact>(json),
        EvidenceKind.Sbom => Deserialize<SbomFact>(json),
        EvidenceKind.Signature => Deserialize<SignatureFact>(json),
        EvidenceKind.Provenance => Deserialize<ProvenanceFact>(json),
        EvidenceKind.Test => Deserialize<TestResultFact>(json),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown evidence kind"),
    };

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"empty {typeof(T).Name} in the evidence table");
}
