using System.Text.Json;
using Vivido.Core.Storage;

namespace Vivido.Core.Bundles;

/// <summary>A verified evidence bundle, as <see cref="EvidenceBundleReader"/> returns it.</summary>
/// <param name="Digest">The image the bundle is about.</param>
/// <param name="Repository">Its repository.</param>
/// <param name="CreatedAt">When the bundle was made.</param>
/// <param name="Entries">The evidence, in index order, each with its raw document.</param>
/// <param name="History">The digest's history entries, each hash checked against its fields.</param>
/// <param name="ImageJson">The content of <c>image.json</c>.</param>
/// <param name="FactsJson">The content of <c>facts.json</c>.</param>
/// <param name="HistoryJson">The content of <c>history.json</c>.</param>
public sealed record EvidenceBundle(
    string Digest,
    string Repository,
    DateTimeOffset CreatedAt,
    IReadOnlyList<BundleEntry> Entries,
    IReadOnlyList<HistoryEntry> History,
    JsonElement ImageJson,
    JsonElement FactsJson,
    JsonElement HistoryJson);
