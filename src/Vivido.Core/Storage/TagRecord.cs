namespace Vivido.Core.Storage;

/// <summary>A tag's current target.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Tag">The tag.</param>
/// <param name="Digest">The digest it points at.</param>
/// <param name="MovedAt">When it was last moved.</param>
/// <param name="MovedBy">Who last moved it.</param>
public sealed record TagRecord(string Repository, string Tag, string Digest, DateTimeOffset MovedAt, string MovedBy);
