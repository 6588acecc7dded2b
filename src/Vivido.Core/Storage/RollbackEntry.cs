namespace Vivido.Core.Storage;

/// <summary>An accepted <c>rollback</c> transition: the digest rolled back to, and when.</summary>
/// <param name="Digest">The digest that became Active again.</param>
/// <param name="Repository">Its repository.</param>
/// <param name="At">When the rollback was committed.</param>
public sealed record RollbackEntry(string Digest, string Repository, DateTimeOffset At);
