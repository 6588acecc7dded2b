namespace Vivido.Core.Storage;

/// <summary>A stored delivery of an event to a subscription.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="SubscriptionName">Its name.</param>
/// <param name="OutboxId">The event.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="NextAttemptAt">When a pending delivery is tried next.</param>
/// <param name="LastAttemptAt">When the last attempt ended, if any.</param>
/// <param name="LastStatusCode">The last HTTP status, if the subscriber answered.</param>
/// <param name="LastError">The last failure, if any.</param>
public sealed record DeliveryRecord(
    long SubscriptionId,
    string SubscriptionName,
    long OutboxId,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError);
