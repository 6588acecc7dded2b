namespace Vivido.Core.Bundles;

/// <summary>The content of <c>image.json</c>.</summary>
internal sealed record ImageDocument(
    string Digest,
    string Repository,
    string State,
    long Version,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset EnteredStateAt,
    bool Vetoed,
    DateTimeOffset RegisteredAt);
