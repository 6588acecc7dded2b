namespace Vivido.Core.Storage;

/// <summary>An outgoing event written to the outbox in the same transaction as the state change.</summary>
/// <param name="Topic">The topic, e.g. <c>image.promoted</c>.</param>
/// <param name="Payload">The message body (JSON).</param>
public sealed record OutboxMessage(string Topic, string Payload);
