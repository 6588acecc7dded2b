namespace Vivido.Core.Storage;

/// <summary>An image as stored: its one state, its version for compare-and-swap, and what is attached.</summary>
/// <param name="Digest">The immutable identity, <c>sha256:&lt;64 hex&gt;</c>.</param>
/// <param name="Repository">The repository the digest was registered in.</param>
/// <param name="State">The current lifecycle state.</param>
/// <param name="Version">Starts at 1; +1 per committed transition (accepted, override, effect) and per veto.</param>
/// <param name="EnteredStateAt">When the image entered <see cref="State"/>.</param>
/// <param name="Tags">The repository's tags currently pointing at this digest, sorted.</param>
/// <param name="Attributes">Free attributes (architecture, size, labels).</param>
/// <param name="Vetoed">True once vetoed; a vetoed digest is never rolled back to without an override.</param>
/// <param name="RegisteredAt">When the image was registered.</param>
public sealed record ImageRecord(
    string Digest,
    string Repository,
    string State,
    long Version,
    DateTimeOffset EnteredStateAt,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    bool Vetoed,
    DateTimeOffset RegisteredAt);
