namespace Vivido.Core.Storage;

/// <summary>
/// Events out: webhook subscriptions and the deliveries of outbox rows to them. Every store write that
/// changes something a subscriber may care about (history entries, tag moves, evidence, deployments,
/// approvals, vetoes, re-scan requests) writes its outbox row in the same transaction (see
/// <see cref="EventTopics"/>), and outbox ids increase in commit order, so a reader that has seen id N
/// never later finds a committed row below N.
/// </summary>
public interface IEventStore
{
    /// <summary>Adds a subscription. Null when the name is taken (nothing written).</summary>
    Task<SubscriptionRecord?> CreateSubscriptionAsync(SubscriptionDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Every subscription, by name.</summary>
    Task<IReadOnlyList<SubscriptionRecord>> ListSubscriptionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the subscription and its deliveries. False when there is no such subscription.</summary>
    Task<bool> DeleteSubscriptionAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The id of the last outbox row already fanned out to subscriptions (0 at first).</summary>
    Task<long> ReadFanOutPositionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction: moves the fan-out position from <paramref name="expectedPosition"/> to
    /// <paramref name="newPosition"/> and inserts <paramref name="deliveries"/> as pending, due at
    /// <paramref name="at"/>, with no attempts. False, with nothing written, when the position is no
    /// longer <paramref name="expectedPosition"/> (another replica fanned out meanwhile). A delivery
    /// whose subscription has been deleted meanwhile is dropped.
    /// </summary>
    Task<bool> EnqueueDeliveriesAsync(long expectedPosition, long newPosition, IReadOnlyList<DeliveryDraft> deliveries, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> (1..1000) pending deliveries due at or before <paramref name="now"/>
    /// that are each the oldest pending delivery (by outbox id) of their subscription and order key, so
    /// events about one digest reach a subscriber in outbox order; by outbox id.
    /// </summary>
    Task<IReadOnlyList<DueDelivery>> ListDueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records one attempt: attempts +1, the new status, next attempt time, status code and error.
    /// Compare-and-swap on <see cref="DeliveryAttempt.ExpectedAttempts"/> and a pending status: false,
    /// with nothing written, when the delivery moved on meanwhile (or does not exist).
    /// </summary>
    Task<bool> RecordDeliveryAttemptAsync(DeliveryAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>Outbox rows matching <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<OutboxRecord>> ListEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>The outbox row with this id, or null.</summary>
    Task<OutboxRecord?> FindEventAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The deliveries of these outbox rows, by outbox id then subscription name.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesAsync(IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the event's deliveries (to <paramref name="subscriptionName"/> only, when given) pending
    /// again with no attempts, due at <paramref name="at"/>, whatever their status. Returns how many.
    /// </summary>
    Task<int> RedeliverAsync(long outboxId, string? subscriptionName, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Pending and dead delivery counts, the oldest pending delivery's event time, and how many outbox rows await fan-out.</summary>
    Task<OutboxStats> ReadOutboxStatsAsync(CancellationToken cancellationToken = default);
}
