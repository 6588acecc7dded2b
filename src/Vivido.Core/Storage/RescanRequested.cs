namespace Vivido.Core.Storage;

/// <summary>One re-scan requested: the image, its newest scan time (null when never scanned), and the outbox id written.</summary>
public sealed record RescanRequested(string Digest, string Repository, string State, DateTimeOffset? LastScannedAt, long OutboxId);
