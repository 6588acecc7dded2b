namespace Vivido.Core.Storage;

/// <summary>An accepted (or overriding) transition to commit atomically with compare-and-swap on <see cref="ExpectedVersion"/>.</summary>
/// <param name="Digest">The image.</param>
/// <param name="ExpectedVersion">The version the decision was made on; the commit fails with <see cref="VersionConflict"/> otherwise.</param>
/// <param name="From">The state the decision was made in (recorded in history).</param>
/// <param name="To">The new state.</param>
/// <param name="Event">The event (for overrides: <c>override</c> or the forced event).</param>
/// <param name="Actor">The token name.</param>
/// <param name="Reason">The caller's reason; required by callers for overrides.</param>
/// <param name="Params">Event parameters.</param>
/// <param name="At">When.</param>
/// <param name="Kind"><see cref="HistoryKind.Accepted"/> or <see cref="HistoryKind.Override"/>.</param>
public sealed record TransitionCommit(
    string Digest,
    long ExpectedVersion,
    string From,
    string To,
    string Event,
    string Actor,
    string? Reason,
    IReadOnlyDictionary<string, string> Params,
    DateTimeOffset At,
    HistoryKind Kind = HistoryKind.Accepted)
{
    /// <summary>Transitions on the repository's other images, applied in the same transaction.</summary>
    public IReadOnlyList<EffectTransition> Effects { get; init; } = [];

    /// <summary>Outgoing events written to the outbox in the same transaction.</summary>
    public IReadOnlyList<OutboxMessage> Outbox { get; init; } = [];

    /// <summary>Free text recorded in the entry's <see cref="HistoryEntry.Detail"/>.</summary>
    public string? Detail { get; init; }

    /// <summary>A pending override this commit confirms; it is marked confirmed in the same transaction, and the commit fails with <see cref="OverrideNotPending"/> when it is no longer pending.</summary>
    public long? ConfirmsOverrideId { get; init; }

    /// <summary>
    /// The lifecycle's exclusive states (<see cref="Lifecycles.StateDefinition.Exclusive"/>). An image
    /// entering one of them (by this commit or an effect) is marked exclusive, and the database's unique
    /// index allows one such image per (repository, state): otherwise the commit fails with
    /// <see cref="ExclusiveStateOccupied"/>. Effects are applied before the commit's own state change.
    /// </summary>
    public IReadOnlyCollection<string> ExclusiveStates { get; init; } = [];
}
