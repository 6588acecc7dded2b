using Vivido.Core.Engine;
using Vivido.Core.Lifecycles;
using Vivido.Core.Storage;

using Vivido.Core.Observability;

namespace Vivido.Core.Service;

/// <summary>People's judgements on a digest: approvals (evidence for guards) and vetoes.</summary>
public sealed class ReviewService
{
    /// <summary>The state a veto sends an image to, when the lifecycle has a way there.</summary>
    public const string QuarantineState = "Quarantined";

    private readonly TransitionRunner _runner;
    private readonly TimeProvider _time;

    public ReviewService(IVividoStore store, Lifecycle lifecycle, TimeProvider time, ITransitionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _runner = new TransitionRunner(store, lifecycle, time, observer);
        _time = time;
    }

    /// <summary>Records that the caller approves the digest acting as <paramref name="role"/> (e.g. <c>release-manager</c>).</summary>
    public async Task<ServiceResult<ApprovalRecord>> ApproveAsync(
        Caller caller, string? digest, string? role, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var bad = Inputs.First(
            Inputs.Digest(digest),
            role is null ? new InvalidInput("role", "'role' is required")
                : Names.IsKey(role) && role.Length <= 64 ? null
                : new InvalidInput("role", "'role' must be 1-64 characters without whitespace"),
            Inputs.Text(comment, "comment"));
        if (bad is not null)
        {
            return bad;
        }

        var image = await ImageAccess.LoadAsync(_runner.Store, caller, digest, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        var approval = new ApprovalRecord(digest!, caller.Name, role!, comment, _time.GetUtcNow());
        return await _runner.Store.RecordApprovalAsync(approval, cancellationToken).ConfigureAwait(false)
            ? approval
            : ImageAccess.NotFound(digest!);
    }

    /// <summary>
    /// Vetoes the digest: it is flagged so guards refuse to promote or roll back to it, and it moves to
    /// Quarantined through the lifecycle's own transition (recorded like any event).
    /// </summary>
    public async Task<ServiceResult<VetoResult>> VetoAsync(
        Caller caller, string? digest, string? reason, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Inputs.First(Inputs.Digest(digest), Inputs.RequiredText(reason, "reason")) is { } bad)
        {
            return bad;
        }

        var image = await ImageAccess.LoadAsync(_runner.Store, caller, digest, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        if (expectedVersion is { } expected && expected != image.Value.Version)
        {
            return TransitionRunner.Stale(digest!, image.Value.Version, $"If-Match names version {expected}");
        }

        var vetoed = await _runner.Store.RecordVetoAsync(new VetoRecord(digest!, caller.Name, reason!, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (vetoed is null)
        {
            return ImageAccess.NotFound(digest!);
        }

        var move = QuarantineEvent(vetoed.State);
        if (move is null)
        {
            return new VetoResult(vetoed, null);
        }

        var parameters = new Dictionary<string, string> { ["veto"] = "true" };
        if (move.HasSeveralTargets)
        {
            parameters[TransitionRequest.TargetParam] = QuarantineState;
        }

        var request = new TransitionRequest(move.Event, caller.ToActor(), reason, parameters);
        var fired = await _runner.FireAsync(caller, digest!, request, null, cancellationToken).ConfigureAwait(false);
        if (fired.Succeeded)
        {
            return new VetoResult(fired.Value.Image, fired.Value.Transition);
        }

        var current = await _runner.Store.LoadImageAsync(digest!, cancellationToken).ConfigureAwait(false);
        return new VetoResult(current ?? vetoed, null);
    }

    private TransitionDefinition? QuarantineEvent(string state) =>
        state == QuarantineState
            ? null
            : _runner.Lifecycle.Transitions.FirstOrDefault(t => t.From.Contains(state) && t.To.Contains(QuarantineState));
}
