namespace Vivido.Core.Storage;

/// <summary>Which outbox rows to list, newest first.</summary>
/// <param name="Limit">1..1000.</param>
/// <param name="BeforeId">Only rows with a smaller id (the cursor of the next page).</param>
/// <param name="Topic">Only this topic.</param>
/// <param name="Digest">Only rows about this digest.</param>
/// <param name="Status">Only rows with at least one delivery in this status.</param>
public sealed record EventQuery(int Limit, long? BeforeId = null, string? Topic = null, string? Digest = null, DeliveryStatus? Status = null);
