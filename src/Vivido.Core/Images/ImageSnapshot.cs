namespace Vivido.Core.Images;

/// <summary>An image as the engine sees it when deciding a transition.</summary>
/// <param name="Digest">The immutable digest, <c>sha256:&lt;64 hex&gt;</c>.</param>
/// <param name="Repository">The repository, e.g. <c>registry.example.com/team/payment-api</c>.</param>
/// <param name="State">The current lifecycle state.</param>
/// <param name="Version">Optimistic-concurrency version; increases with every accepted transition.</param>
/// <param name="EnteredStateAt">When the image entered <paramref name="State"/>.</param>
/// <param name="Tags">Tags currently pointing at the digest.</param>
/// <param name="Attributes">Architecture, size, labels and similar.</param>
/// <param name="Vetoed">True when someone said "never promote this digest again".</param>
/// <param name="Facts">The evidence attached to the digest.</param>
public sealed record ImageSnapshot(
    string Digest,
    string Repository,
    string State,
    long Version,
    DateTimeOffset EnteredStateAt,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    bool Vetoed,
    ImageFacts Facts);
