using System.Text.Json;
using Vivido.Core.Engine;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles;
using Vivido.Core.Observability;
using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>
/// Load, decide, commit: the one path every lifecycle event takes. A commit that loses the
/// compare-and-swap is decided once more on fresh data, then reported as a conflict; refusals are
/// appended to history as kind rejected.
/// </summary>
internal sealed class TransitionRunner
{
    /// <summary>The first decision plus one retry after a version conflict.</summary>
    public const int Attempts = 2;

    private readonly IVividoStore _store;
    private readonly TransitionEngine _engine;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<string> _exclusiveStates;
    private readonly ITransitionObserver _observer;

    public TransitionRunner(IVividoStore store, Lifecycle lifecycle, TimeProvider time, ITransitionObserver? observer = null)
    {
        _store = store;
        _observer = observer ?? NoTransitionObserver.Instance;
        _engine = new TransitionEngine(lifecycle, time);
        _time = time;
        _exclusiveStates = lifecycle.ExclusiveStates;
        Lifecycle = lifecycle;
    }

    public Lifecycle Lifecycle { get; }

    public IVividoStore Store => _store;

    /// <summary>Fires <paramref name="request"/> on <paramref name="digest"/>; with <paramref name="expectedVersion"/> (If-Match) there is no retry.</summary>
    public async Task<ServiceResult<TransitionResult>> FireAsync(
        Caller caller, string digest, TransitionRequest request, long? expectedVersion, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _store.LoadSnapshotAsync(digest, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                return ImageAccess.NotFound(digest);
            }

            if (!caller.CanAccess(snapshot.Repository))
            {
                return ImageAccess.Denied(snapshot.Repository);
            }

            if (expectedVersion is { } expected && expected != snapshot.Version)
            {
                return Stale(digest, snapshot.Version, $"If-Match names version {expected}");
            }

            var decision = await DecideAsync(snapshot, request, cancellationToken).ConfigureAwait(false);
            if (decision is not Accepted accepted)
            {
                return await RefuseAsync(snapshot, request, decision, cancellationToken).ConfigureAwait(false);
            }

            var outcome = await CommitAsync(snapshot, request, accepted, null, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded || expectedVersion is not null || attempt >= Attempts)
            {
                return outcome;
            }
        }
    }

    /// <summary>The engine's decision on fresh repository data; writes nothing.</summary>
    public async Task<Decision> DecideAsync(ImageSnapshot snapshot, TransitionRequest request, CancellationToken cancellationToken)
    {
        var repository = await _store.LoadRepositoryContextAsync(snapshot.Repository, cancellationToken).ConfigureAwait(false);
        return _engine.Decide(snapshot, request, repository);
    }

    /// <summary>
    /// Commits an accepted decision with its effects and notifications (<paramref name="detail"/> goes into the
    /// history entry); a lost compare-and-swap is a <see cref="VersionMismatch"/>.
    /// </summary>
    public async Task<ServiceResult<TransitionResult>> CommitAsync(
        ImageSnapshot snapshot, TransitionRequest request, Accepted accepted, string? detail, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var commit = new TransitionCommit(
            snapshot.Digest, snapshot.Version, accepted.From, accepted.To, accepted.Event, request.Actor.Name, request.Reason, request.Params, now)
        {
            Effects = EffectTransitions(accepted),
            Outbox = Notifications(snapshot, request, accepted, now),
            Detail = detail,
        };
        return await CommitAsync(commit, cancellationToken, snapshot.EnteredStateAt).ConfigureAwait(false);
    }

    /// <summary>
    /// Commits a prepared transition (also used for overrides) under the lifecycle's exclusive states; an
    /// exclusive state another image holds is a <see cref="StateConflict"/> naming it.
    /// </summary>
    /// <param name="commit">The transition.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <param name="enteredFromStateAt">When the image entered the state it leaves, for the time-in-state observation.</param>
    public async Task<ServiceResult<TransitionResult>> CommitAsync(TransitionCommit commit, CancellationToken cancellationToken, DateTimeOffset? enteredFromStateAt = null)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var result = await _store.CommitTransitionAsync(commit with { ExclusiveStates = _exclusiveStates }, cancellationToken).ConfigureAwait(false);
        if (result is Committed done)
        {
            TransitionObservers.Committed(_observer, done, enteredFromStateAt);
        }

        return result switch
        {
            Committed committed => new TransitionResult(committed.Image, committed.Entry, committed.EffectEntries),
            VersionConflict conflict => Stale(commit.Digest, conflict.ActualVersion, "another writer changed it first"),
            OverrideNotPending notPending => new StateConflict(
                $"override {notPending.OverrideId} is no longer pending ({notPending.Status?.ToName() ?? "missing"})"),
            ExclusiveStateOccupied occupied => new StateConflict(
                $"{occupied.Digest} cannot enter {occupied.State}: " +
                (occupied.HolderDigest is { } holder ? $"{holder} is" : "another image of its repository is") +
                $" already {occupied.State}, and the lifecycle allows one image per repository there"),
            _ => throw new InvalidOperationException($"unexpected commit result {result.GetType().Name}"),
        };
    }

    /// <summary>Appends the refusal to history and turns it into the matching failure.</summary>
    public async Task<ServiceFailure> RefuseAsync(ImageSnapshot snapshot, TransitionRequest request, Decision decision, CancellationToken cancellationToken)
    {
        var (failure, detail) = Explain(snapshot, request, decision, null);
        await AppendRejectionAsync(Rejection(snapshot, request, detail), snapshot.Repository, cancellationToken).ConfigureAwait(false);
        return failure;
    }

    /// <summary>Appends a refusal to history and tells the observer; null when the store wrote nothing.</summary>
    public async Task<HistoryEntry?> AppendRejectionAsync(RejectionRecord rejection, string repository, CancellationToken cancellationToken)
    {
        var entry = await _store.AppendRejectionAsync(rejection, cancellationToken).ConfigureAwait(false);
        if (entry is not null)
        {
            _observer.Recorded(new TransitionObservation(entry, repository, null));
        }

        return entry;
    }

    /// <summary>The failure a refused decision is reported as, and the JSON detail its history entry records (with <paramref name="timer"/>, when a timer fired it).</summary>
    public static (ServiceFailure Failure, string Detail) Explain(ImageSnapshot snapshot, TransitionRequest request, Decision decision, string? timer) =>
        decision switch
        {
            Rejected rejected => (new GuardsUnmet(
                    $"{request.Event} on {snapshot.Digest} in {snapshot.State}: unmet {string.Join(", ", rejected.Unmet.Select(u => u.Name))}",
                    snapshot.Digest,
                    snapshot.State,
                    request.Event,
                    rejected.Unmet),
                Detail(new RejectionDetail(rejected.Unmet.Select(u => new UnmetDetail(u.Name, u.Message, u.Error)).ToList(), null) { Timer = timer })),
            NotAllowed notAllowed => (new EventNotAllowed(
                    $"{request.Event} does not apply to {snapshot.Digest} in {snapshot.State}; allowed: {Describe(notAllowed.AllowedEvents)}",
                    snapshot.Digest,
                    snapshot.State,
                    request.Event,
                    notAllowed.AllowedEvents),
                Detail(new RejectionDetail(null, notAllowed.AllowedEvents) { Timer = timer })),
            _ => throw new ArgumentException($"not a refusal: {decision.GetType().Name}", nameof(decision)),
        };

    /// <summary>The JSON detail of an accepted decision that could not be committed (e.g. an exclusive state is occupied).</summary>
    public static string ConflictDetail(string conflict, string? timer) => Detail(new RejectionDetail(null, null) { Conflict = conflict, Timer = timer });

    /// <summary>The rejection record for a refused request, stamped now.</summary>
    public RejectionRecord Rejection(ImageSnapshot snapshot, TransitionRequest request, string detail) =>
        new(snapshot.Digest, request.Event, request.Actor.Name, request.Reason, request.Params, _time.GetUtcNow(), detail);

    public static VersionMismatch Stale(string digest, long? current, string why) =>
        new($"version conflict on {digest}: {why}" + (current is { } v ? $"; its version is now {v}" : string.Empty), digest, current);

    private static string Detail(RejectionDetail detail) => JsonSerializer.Serialize(detail, DetailJson.Options);

    private static string Describe(IReadOnlyList<string> events) => events.Count == 0 ? "none" : string.Join(", ", events);

    private List<EffectTransition> EffectTransitions(Accepted accepted)
    {
        var effects = new List<EffectTransition>();
        foreach (var supersede in accepted.Effects.OfType<SupersedeEffect>())
        {
            // The lifecycle loader guarantees the supersede event leaves the target state.
            if (Lifecycle.Find(accepted.To, supersede.EventName) is { } row)
            {
                effects.Add(new EffectTransition(accepted.To, row.To[0], supersede.EventName));
            }
        }

        return effects;
    }

    private static List<OutboxMessage> Notifications(ImageSnapshot snapshot, TransitionRequest request, Accepted accepted, DateTimeOffset at) =>
        accepted.Effects.OfType<NotifyEffect>()
            .Select(n => new OutboxMessage(n.Topic, JsonSerializer.Serialize(
                new Notification(n.Topic, snapshot.Digest, snapshot.Repository, accepted.Event, accepted.From, accepted.To, request.Actor.Name, at),
                DetailJson.Options)))
            .ToList();

    private sealed record UnmetDetail(string Name, string Message, string? Error);

    private sealed record RejectionDetail(IReadOnlyList<UnmetDetail>? Unmet, IReadOnlyList<string>? AllowedEvents)
    {
        public string? Conflict { get; init; }

        public string? Timer { get; init; }
    }

    private sealed record Notification(string Topic, string Digest, string Repository, string Event, string From, string To, string Actor, DateTimeOffset At);
}
