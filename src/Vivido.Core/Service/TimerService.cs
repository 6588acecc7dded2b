using System.Globalization;
using System.Text;
using Vivido.Core.Engine;
using Vivido.Core.Lifecycles;
using Vivido.Core.Storage;

using Vivido.Core.Observability;

namespace Vivido.Core.Service;

/// <summary>
/// Fires the lifecycle's timers: every image that has stayed in a timed state for the timer's duration
/// gets the timer's event, decided by the engine as the system actor <see cref="ActorName"/> (guards
/// apply) and committed like any event. A refusal is recorded with the timer's name so that stay is not
/// retried. Timers that came due while nothing ran fire on the next pass.
/// </summary>
public sealed class TimerService
{
    /// <summary>The actor history records for timer events.</summary>
    public const string ActorName = "vivido:timer";

    /// <summary>How many due images one listing returns.</summary>
    public const int PageSize = 100;

    private static readonly Actor TimerActor = new(ActorName, []);
    private static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();

    private readonly TransitionRunner _runner;
    private readonly TimeProvider _time;

    public TimerService(IVividoStore store, Lifecycle lifecycle, TimeProvider time, ITransitionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _runner = new TransitionRunner(store, lifecycle, time, observer);
        _time = time;
    }

    /// <summary>Fires every timer that is due now; <paramref name="replicaId"/> is recorded in each entry's detail.</summary>
    public Task<TimerRun> FireDueAsync(string replicaId, CancellationToken cancellationToken) =>
        FireDueAsync(replicaId, null, cancellationToken);

    /// <summary>
    /// Fires every timer that is due now. <paramref name="beforeNextPage"/> runs before each listing after
    /// the first (a job renews its lease there); when it returns false the pass stops, incomplete.
    /// </summary>
    public async Task<TimerRun> FireDueAsync(string replicaId, Func<CancellationToken, Task<bool>>? beforeNextPage, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(replicaId);
        var tally = new Tally();
        var firstPage = true;
        foreach (var timer in _runner.Lifecycle.Timers)
        {
            // Images skipped in this pass stay due; the set keeps a page of them from being read forever.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                if (!firstPage && beforeNextPage is not null && !await beforeNextPage(cancellationToken).ConfigureAwait(false))
                {
                    return tally.ToRun(completed: false);
                }

                firstPage = false;
                var now = _time.GetUtcNow();
                if (now - DateTimeOffset.MinValue < timer.After)
                {
                    break;
                }

                var page = await _runner.Store.ListDueTimersAsync(timer.State, timer.Event, now - timer.After, PageSize, cancellationToken).ConfigureAwait(false);
                var fresh = page.Where(due => seen.Add(due.Digest)).ToList();
                foreach (var due in fresh)
                {
                    tally.Add(await FireAsync(timer, due, replicaId, cancellationToken).ConfigureAwait(false));
                }

                if (page.Count < PageSize || fresh.Count == 0)
                {
                    break;
                }
            }
        }

        return tally.ToRun(completed: true);
    }

    /// <summary>A lifecycle duration as the file writes it, e.g. <c>30d</c> or <c>1d12h</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        var text = new StringBuilder();
        Append(text, (long)duration.TotalDays, 'd');
        Append(text, duration.Hours, 'h');
        Append(text, duration.Minutes, 'm');
        Append(text, duration.Seconds, 's');
        return text.Length == 0 ? "0s" : text.ToString();
    }

    private async Task<Outcome> FireAsync(TimerDefinition timer, DueTimer due, string replicaId, CancellationToken cancellationToken)
    {
        var snapshot = await _runner.Store.LoadSnapshotAsync(due.Digest, cancellationToken).ConfigureAwait(false);
        if (snapshot is null || snapshot.Version != due.Version || snapshot.State != timer.State)
        {
            return Outcome.Skipped;
        }

        var after = FormatDuration(timer.After);
        var note = $"timer after {after}; replica {replicaId}";
        var request = new TransitionRequest(timer.Event, TimerActor, $"{after} in {timer.State}", NoParams);
        var decision = await _runner.DecideAsync(snapshot, request, cancellationToken).ConfigureAwait(false);
        string detail;
        if (decision is Accepted accepted)
        {
            var committed = await _runner.CommitAsync(snapshot, request, accepted, note, cancellationToken).ConfigureAwait(false);
            if (committed.Succeeded)
            {
                return Outcome.Fired;
            }

            if (committed.Failure is not StateConflict conflict)
            {
                return Outcome.Skipped;
            }

            detail = TransitionRunner.ConflictDetail(conflict.Message, note);
        }
        else
        {
            detail = TransitionRunner.Explain(snapshot, request, decision, note).Detail;
        }

        var rejection = _runner.Rejection(snapshot, request, detail) with { TimerEvent = timer.Event, ExpectedVersion = snapshot.Version };
        var recorded = await _runner.AppendRejectionAsync(rejection, snapshot.Repository, cancellationToken).ConfigureAwait(false);
        return recorded is null ? Outcome.Skipped : Outcome.Refused;
    }

    private static void Append(StringBuilder text, long amount, char unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private enum Outcome
    {
        Fired,
        Refused,
        Skipped,
    }

    private sealed class Tally
    {
        private int _fired;
        private int _refused;
        private int _skipped;

        public void Add(Outcome outcome)
        {
            switch (outcome)
            {
                case Outcome.Fired:
                    _fired++;
                    break;
                case Outcome.Refused:
                    _refused++;
                    break;
                default:
                    _skipped++;
                    break;
            }
        }

        public TimerRun ToRun(bool completed) => new(_fired, _refused, _skipped, completed);
    }
}
