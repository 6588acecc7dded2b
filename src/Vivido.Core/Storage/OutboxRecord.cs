namespace Vivido.Core.Storage;

/// <summary>A stored outbox row.</summary>
/// <param name="Id">Position in the outbox, increasing.</param>
/// <param name="Seq">The history entry whose commit wrote it; null for messages no transition wrote (re-scan requests).</param>
/// <param name="Topic">The topic.</param>
/// <param name="Payload">The message body (JSON).</param>
/// <param name="CreatedAt">The commit time.</param>
public sealed record OutboxRecord(long Id, long? Seq, string Topic, string Payload, DateTimeOffset CreatedAt)
{
    /// <summary>The image the event is about, if any (deliveries about one digest keep their order).</summary>
    public string? Digest { get; init; }

    /// <summary>That image's repository, if any (subscriptions filter on it).</summary>
    public string? Repository { get; init; }
}
