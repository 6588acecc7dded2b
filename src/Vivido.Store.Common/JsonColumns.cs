using System.Text.Json;
using System.Text.Json.Serialization;
using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>
/// The JSON stored in text columns: string maps (keys in ordinal order), string lists and evidence
/// facts. Every store writes them with these options, so a value is the same bytes in any store (the
/// hash chain is computed over the params maps).
/// </summary>
public static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>A string map as JSON, keys in ordinal order.</summary>
    public static string Map(IReadOnlyDictionary<string, string> map) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(map.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal), Options);

    /// <summary>The string map in <paramref name="json"/>.</summary>
    public static IReadOnlyDictionary<string, string> ParseMap(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? [];

    /// <summary>A string list as a JSON array.</summary>
    public static string List(IEnumerable<string> items) => JsonSerializer.Serialize(items.ToArray(), Options);

    /// <summary>The string list in <paramref name="json"/>.</summary>
    public static IReadOnlyList<string> ParseList(string json) => JsonSerializer.Deserialize<string[]>(json, Options) ?? [];

    /// <summary>A normalised evidence fact (<see cref="ScanFact"/>, <see cref="SbomFact"/>...) as JSON.</summary>
    public static string Fact(object fact) => JsonSerializer.Serialize(fact, fact.GetType(), Options);

    /// <summary>The fact of the given kind in <paramref name="json"/>.</summary>
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
