namespace Vivido.Core.Cleanup;

/// <summary>An image whose deletion from the registry is already recorded in its history.</summary>
/// <param name="Digest">The image.</param>
/// <param name="Repository">Its repository.</param>
/// <param name="DeletedAt">When the deletion was recorded.</param>
/// <param name="HistorySeq">The history entry that records it.</param>
public sealed record CleanupDeleted(string Digest, string Repository, DateTimeOffset DeletedAt, long HistorySeq);
