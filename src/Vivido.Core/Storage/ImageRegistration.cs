namespace Vivido.Core.Storage;

/// <summary>A request to register a digest in its initial state.</summary>
/// <param name="Digest">The digest, already validated by the caller.</param>
/// <param name="Repository">The repository.</param>
/// <param name="InitialState">The lifecycle's initial state (or an entry state such as <c>Unknown</c> for imports).</param>
/// <param name="Tags">Tags to point at the digest; each becomes a recorded tag move.</param>
/// <param name="Attributes">Free attributes.</param>
/// <param name="Actor">Who registers it (a token name).</param>
/// <param name="At">When.</param>
public sealed record ImageRegistration(
    string Digest,
    string Repository,
    string InitialState,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    string Actor,
    DateTimeOffset At);
