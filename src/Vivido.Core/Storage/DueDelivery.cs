namespace Vivido.Core.Storage;

/// <summary>A pending delivery whose time has come, with what sending it needs.</summary>
/// <param name="Subscription">Where it goes.</param>
/// <param name="Event">The outbox row.</param>
/// <param name="Attempts">Attempts made so far.</param>
public sealed record DueDelivery(SubscriptionRecord Subscription, OutboxRecord Event, int Attempts);
