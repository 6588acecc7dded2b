using System.Text.Json;
using Vivido.Core.Engine;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles;
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

    public TransitionRunner(IVividoStore store, Lifecycle lifecycle, TimeProvider time)
    {
        _store = store;
        _engine = new TransitionEngine(lifecycle, time);
        _time = time;
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

            var outcome = await CommitAsync(snapshot, request, accepted, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Commits an accepted decision with its effects and notifications; a lost compare-and-swap is a <see cref="VersionMismatch"/>.</summary>
    public async Task<ServiceResult<TransitionResult>> CommitAsync(
        ImageSnapshot snapshot, TransitionRequest request, Accepted accepted, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var commit = new TransitionCommit(
            snapshot.Digest, snapshot.Version, accepted.From, accepted.To, accepted.Event, request.Actor.Name, request.Reason, request.Params, now)
        {
            Effects = EffectTransitions(accepted),
            Outbox = Notifications(snapshot, request, accepted, now),
        };
        return await CommitAsync(commit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Commits a prepared transition (also used for overrides).</summary>
    public async Task<ServiceResult<TransitionResult>> CommitAsync(TransitionCommit commit, CancellationToken cancellationToken)
    {
        var result = await _store.CommitTransitionAsync(commit, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            Committed committed => new TransitionResult(committed.Image, committed.Entry, committed.EffectEntries),
            VersionConflict conflict => Stale(commit.Digest, conflict.ActualVersion, "another writer changed it first"),
            OverrideNotPending notPending => new StateConflict(
                $"override {notPending.OverrideId} is no longer pending ({notPending.Status?.ToName() ?? "missing"})"),
            _ => throw new InvalidOperationException($"unexpected commit result {result.GetType().Name}"),
        };
    }

    /// <summary>Appends the refusal to history and turns it into the matching failure.</summary>
    public async Task<ServiceFailure> RefuseAsync(ImageSnapshot snapshot, TransitionRequest request, Decision decision, CancellationToken cancellationToken)
    {
        var (failure, detail) = decision switch
        {
            Rejected rejected => ((ServiceFailure)new GuardsUnmet(
                    $"{request.Event} on {snapshot.Digest} in {snapshot.State}: unmet {string.Join(", ", rejected.Unmet.Select(u => u.Name))}",
                    snapshot.Digest,
                    snapshot.State,
                    request.Event,
                    rejected.Unmet),
                JsonSerializer.Serialize(new RejectionDetail(rejected.Unmet.Select(u => new UnmetDetail(u.Name, u.Message, u.Error)).ToList(), null), DetailJson.Options)),
            NotAllowed notAllowed => (new EventNotAllowed(
                    $"{request.Event} does not apply to {snapshot.Digest} in {snapshot.State}; allowed: {Describe(notAllowed.AllowedEvents)}",
                    snapshot.Digest,
                    snapshot.State,
                    request.Event,
                    notAllowed.AllowedEvents),
                JsonSerializer.Serialize(new RejectionDetail(null, notAllowed.AllowedEvents), DetailJson.Options)),
            _ => throw new ArgumentException($"not a refusal: {decision.GetType().Name}", nameof(decision)),
        };

        var rejection = new RejectionRecord(snapshot.Digest, request.Event, request.Actor.Name, request.Reason, request.Params, _time.GetUtcNow(), detail);
        await _store.AppendRejectionAsync(rejection, cancellationToken).ConfigureAwait(false);
        return failure;
    }

    public static VersionMismatch Stale(string digest, long? current, string why) =>
        new($"version conflict on {digest}: {why}" + (current is { } v ? $"; its version is now {v}" : string.Empty), digest, current);

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

    private sealed record RejectionDetail(IReadOnlyList<UnmetDetail>? Unmet, IReadOnlyList<string>? AllowedEvents);

    private sealed record Notification(string Topic, string Digest, string Repository, string Event, string From, string To, string Actor, DateTimeOffset At);
}
