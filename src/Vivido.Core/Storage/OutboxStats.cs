namespace Vivido.Core.Storage;

/// <summary>The outbox's backlog, for metrics.</summary>
/// <param name="PendingDeliveries">Deliveries not yet made.</param>
/// <param name="DeadDeliveries">Dead-lettered deliveries.</param>
/// <param name="OldestPendingAt">The created time of the oldest event with a pending delivery, if any.</param>
/// <param name="AwaitingFanOut">Outbox rows after the fan-out position.</param>
public sealed record OutboxStats(long PendingDeliveries, long DeadDeliveries, DateTimeOffset? OldestPendingAt, long AwaitingFanOut);
