namespace Vivido.Core.Storage;

/// <summary>
/// A transition applied, inside the same database transaction as the commit it belongs to, to every
/// OTHER image of the committed image's repository that is in <paramref name="FromState"/> at that
/// moment (e.g. supersede: Active -> Deprecated by <c>superseded</c>). Because the store selects the
/// images inside the transaction, two racing promotions can never leave two Active digests.
/// </summary>
/// <param name="FromState">The state the affected images are in.</param>
/// <param name="ToState">The state they move to.</param>
/// <param name="Event">The event recorded on each affected image's history entry.</param>
public sealed record EffectTransition(string FromState, string ToState, string Event);
