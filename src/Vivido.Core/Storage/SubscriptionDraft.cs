namespace Vivido.Core.Storage;

/// <summary>A webhook subscription to add.</summary>
/// <param name="Name">Unique name (1-100 characters, letters, digits, '.', '_' and '-').</param>
/// <param name="Url">Where events are POSTed (http or https).</param>
/// <param name="Secret">The HMAC-SHA256 key that signs each delivery; stored as given, never listed.</param>
/// <param name="Types">Event type patterns (<c>*</c> matches any run of characters); empty = every type.</param>
/// <param name="Repositories">Repository patterns; empty = every repository (and events about none).</param>
/// <param name="MaxAttempts">Attempts before a delivery is dead-lettered (1..100).</param>
/// <param name="CreatedBy">The token that added it.</param>
/// <param name="At">When.</param>
public sealed record SubscriptionDraft(
    string Name,
    string Url,
    string Secret,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Repositories,
    int MaxAttempts,
    string CreatedBy,
    DateTimeOffset At);
