namespace Vivido.Core.Storage;

/// <summary>The outcome of one attempt to deliver an event to a subscription.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="OutboxId">The event.</param>
/// <param name="ExpectedAttempts">Attempts recorded before this one (compare-and-swap).</param>
/// <param name="Status">Delivered, Pending (to retry at <paramref name="NextAttemptAt"/>) or Dead.</param>
/// <param name="At">When the attempt ended.</param>
/// <param name="NextAttemptAt">For Pending: when to try again.</param>
/// <param name="StatusCode">The subscriber's HTTP status, if it answered.</param>
/// <param name="Error">Why it failed (one line), for a failed attempt.</param>
public sealed record DeliveryAttempt(
    long SubscriptionId,
    long OutboxId,
    int ExpectedAttempts,
    DeliveryStatus Status,
    DateTimeOffset At,
    DateTimeOffset? NextAttemptAt,
    int? StatusCode,
    string? Error);
