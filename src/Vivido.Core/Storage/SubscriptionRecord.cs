namespace Vivido.Core.Storage;

/// <summary>A stored webhook subscription (see <see cref="SubscriptionDraft"/> for the fields).</summary>
public sealed record SubscriptionRecord(
    long Id,
    string Name,
    string Url,
    string Secret,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Repositories,
    int MaxAttempts,
    string CreatedBy,
    DateTimeOffset CreatedAt);
