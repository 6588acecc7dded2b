namespace Vivido.Core.Storage;

/// <summary>An outbox row to deliver to a subscription.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="OutboxId">The event.</param>
/// <param name="OrderKey">Deliveries with the same subscription and key go out in outbox order (the digest, or <c>-</c> for events about no image).</param>
public sealed record DeliveryDraft(long SubscriptionId, long OutboxId, string OrderKey);
