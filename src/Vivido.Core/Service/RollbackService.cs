using Vivido.Core.Engine;
using Vivido.Core.Lifecycles;
using Vivido.Core.Storage;

using Vivido.Core.Observability;

namespace Vivido.Core.Service;

/// <summary>Rolls a repository back to a previous digest, re-validated by the lifecycle's rollback guards.</summary>
public sealed class RollbackService
{
    /// <summary>The lifecycle event a rollback fires on the chosen digest.</summary>
    public const string RollbackEvent = "rollback";

    private readonly TransitionRunner _runner;

    public RollbackService(IVividoStore store, Lifecycle lifecycle, TimeProvider time, ITransitionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _runner = new TransitionRunner(store, lifecycle, time, observer);
    }

    /// <summary>
    /// Fires <c>rollback</c> on <paramref name="toDigest"/>, or, without one, on the most recently
    /// Deprecated digest of the repository that passes the guards. The rollback's supersede effect moves
    /// the current Active digest to Deprecated in the same transaction.
    /// </summary>
    public async Task<ServiceResult<TransitionResult>> RollbackAsync(
        Caller caller,
        string? repository,
        string? toDigest,
        string? reason,
        IReadOnlyDictionary<string, string>? parameters,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var bad = Inputs.First(
            Inputs.Repository(repository),
            toDigest is null ? null : Inputs.Digest(toDigest, "toDigest"),
            Inputs.RequiredText(reason, "reason"),
            Inputs.Map(parameters, "params"));
        if (bad is not null)
        {
            return bad;
        }

        if (!caller.CanAccess(repository!))
        {
            return ImageAccess.Denied(repository!);
        }

        if (!_runner.Lifecycle.Transitions.Any(t => t.Event == RollbackEvent))
        {
            return new StateConflict($"the lifecycle '{_runner.Lifecycle.Name}' declares no '{RollbackEvent}' event");
        }

        var request = new TransitionRequest(RollbackEvent, caller.ToActor(), reason, parameters ?? new Dictionary<string, string>());
        if (toDigest is not null)
        {
            var target = await _runner.Store.LoadImageAsync(toDigest, cancellationToken).ConfigureAwait(false);
            if (target is null)
            {
                return ImageAccess.NotFound(toDigest);
            }

            return target.Repository != repository
                ? new InvalidInput("toDigest", $"{toDigest} belongs to repository {target.Repository}, not {repository}")
                : await _runner.FireAsync(caller, toDigest, request, null, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var outcome = await RollbackToBestAsync(repository!, request, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded || outcome.Failure is not VersionMismatch || attempt >= TransitionRunner.Attempts)
            {
                return outcome;
            }
        }
    }

    private async Task<ServiceResult<TransitionResult>> RollbackToBestAsync(string repository, TransitionRequest request, CancellationToken cancellationToken)
    {
        var context = await _runner.Store.LoadRepositoryContextAsync(repository, cancellationToken).ConfigureAwait(false);
        var refusals = new List<(Images.ImageSnapshot Snapshot, Decision Decision)>();
        foreach (var digest in context.DeprecatedDigests)
        {
            var snapshot = await _runner.Store.LoadSnapshotAsync(digest, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                continue;
            }

            var decision = await _runner.DecideAsync(snapshot, request, cancellationToken).ConfigureAwait(false);
            if (decision is Accepted accepted)
            {
                return await _runner.CommitAsync(snapshot, request, accepted, null, cancellationToken).ConfigureAwait(false);
            }

            refusals.Add((snapshot, decision));
        }

        if (refusals.Count == 0)
        {
            return new NoRollbackCandidate($"repository {repository} has no Deprecated digest to roll back to", repository, []);
        }

        // The most recent candidate is what the caller would have got: its refusal is the audited attempt.
        await _runner.RefuseAsync(refusals[0].Snapshot, request, refusals[0].Decision, cancellationToken).ConfigureAwait(false);
        var candidates = refusals
            .Select(r => new CandidateRefusal(r.Snapshot.Digest, r.Decision is Rejected rejected ? rejected.Unmet : []))
            .ToList();
        return new NoRollbackCandidate(
            $"no Deprecated digest of {repository} passes the rollback guards ({candidates.Count} considered)", repository, candidates);
    }
}
