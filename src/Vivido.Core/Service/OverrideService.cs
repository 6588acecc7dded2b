using System.Text.Json;
using Vivido.Core.Lifecycles;
using Vivido.Core.Storage;

using Vivido.Core.Observability;

namespace Vivido.Core.Service;

/// <summary>
/// Admin overrides: force an image into any declared state with a mandatory reason, recorded as kind
/// override. When the lifecycle says <c>overrides: {confirmations: 2}</c>, the first admin's call is
/// recorded as pending and a second, different admin confirms (same call) or rejects it.
/// </summary>
public sealed class OverrideService
{
    /// <summary>The event name history records for overrides.</summary>
    public const string OverrideEvent = "override";

    private readonly TransitionRunner _runner;
    private readonly TimeProvider _time;

    public OverrideService(IVividoStore store, Lifecycle lifecycle, TimeProvider time, ITransitionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _runner = new TransitionRunner(store, lifecycle, time, observer);
        _time = time;
    }

    private IVividoStore Store => _runner.Store;

    /// <summary>Requests, or (as a second admin) confirms, an override to <paramref name="to"/>.</summary>
    public async Task<ServiceResult<OverrideOutcome>> OverrideAsync(
        Caller caller, string? digest, string? to, string? reason, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var bad = Inputs.First(
            Inputs.Digest(digest),
            to is null ? new InvalidInput("to", "'to' is required")
                : _runner.Lifecycle.HasState(to) ? null
                : new InvalidInput("to", $"unknown state '{to}'; the lifecycle declares {string.Join(", ", _runner.Lifecycle.States.Select(s => s.Name))}"),
            Inputs.RequiredText(reason, "reason"));
        if (bad is not null)
        {
            return bad;
        }

        var loaded = await ImageAccess.LoadAsync(Store, caller, digest, cancellationToken).ConfigureAwait(false);
        if (!loaded.Succeeded)
        {
            return loaded.Failure;
        }

        var image = loaded.Value;
        if (expectedVersion is { } expected && expected != image.Version)
        {
            return TransitionRunner.Stale(image.Digest, image.Version, $"If-Match names version {expected}");
        }

        if (_runner.Lifecycle.Overrides.Confirmations <= 1)
        {
            return await CommitDirectAsync(caller, image, to!, reason!, expectedVersion is null, cancellationToken).ConfigureAwait(false);
        }

        var pending = await Store.ListPendingOverridesAsync(image.Digest, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            if (image.State == to)
            {
                return AlreadyThere(image);
            }

            var request = new OverrideRequest(image.Digest, image.State, to!, image.Version, reason!, caller.Name, _time.GetUtcNow());
            var recorded = await Store.RecordOverrideAsync(request, cancellationToken).ConfigureAwait(false);
            return recorded is null ? ImageAccess.NotFound(image.Digest) : new OverrideOutcome(null, recorded);
        }

        return await ConfirmAsync(caller, pending[0], to!, reason!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects (or, by its requester, withdraws) the digest's pending override; the refusal is appended to history.</summary>
    public async Task<ServiceResult<PendingOverride>> RejectAsync(Caller caller, string? digest, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Inputs.First(Inputs.Digest(digest), Inputs.RequiredText(reason, "reason")) is { } bad)
        {
            return bad;
        }

        var loaded = await ImageAccess.LoadAsync(Store, caller, digest, cancellationToken).ConfigureAwait(false);
        if (!loaded.Succeeded)
        {
            return loaded.Failure;
        }

        var pending = await Store.ListPendingOverridesAsync(digest!, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return new ResourceNotFound($"no override is pending for {digest}");
        }

        var target = pending[0];
        var now = _time.GetUtcNow();
        var rejected = await Store.RejectOverrideAsync(target.Id, caller.Name, reason, now, cancellationToken).ConfigureAwait(false);
        if (rejected is null)
        {
            return new StateConflict($"override {target.Id} is no longer pending");
        }

        var parameters = new Dictionary<string, string> { ["to"] = target.ToState, ["requestedBy"] = target.RequestedBy };
        var detail = JsonSerializer.Serialize(new { overrideId = target.Id, requestedBy = target.RequestedBy, to = target.ToState }, DetailJson.Options);
        await _runner.AppendRejectionAsync(new RejectionRecord(digest!, OverrideEvent, caller.Name, reason, parameters, now, detail), loaded.Value.Repository, cancellationToken)
            .ConfigureAwait(false);
        return rejected;
    }

    /// <summary>The digest's overrides awaiting confirmation.</summary>
    public async Task<ServiceResult<IReadOnlyList<PendingOverride>>> PendingAsync(Caller caller, string? digest, CancellationToken cancellationToken = default)
    {
        var loaded = await ImageAccess.LoadAsync(Store, caller, digest, cancellationToken).ConfigureAwait(false);
        return loaded.Succeeded
            ? ServiceResult<IReadOnlyList<PendingOverride>>.FromValue(await Store.ListPendingOverridesAsync(digest!, cancellationToken).ConfigureAwait(false))
            : loaded.Failure;
    }

    private async Task<ServiceResult<OverrideOutcome>> CommitDirectAsync(
        Caller caller, ImageRecord image, string to, string reason, bool mayRetry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (image.State == to)
            {
                return AlreadyThere(image);
            }

            var commit = new TransitionCommit(
                image.Digest, image.Version, image.State, to, OverrideEvent, caller.Name, reason, new Dictionary<string, string>(), _time.GetUtcNow(), HistoryKind.Override);
            var result = await _runner.CommitAsync(commit, cancellationToken, image.EnteredStateAt).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return new OverrideOutcome(result.Value, null);
            }

            if (!mayRetry || attempt >= TransitionRunner.Attempts || result.Failure is not VersionMismatch)
            {
                return result.Failure;
            }

            var reloaded = await Store.LoadImageAsync(image.Digest, cancellationToken).ConfigureAwait(false);
            if (reloaded is null)
            {
                return ImageAccess.NotFound(image.Digest);
            }

            image = reloaded;
        }
    }

    private async Task<ServiceResult<OverrideOutcome>> ConfirmAsync(Caller caller, PendingOverride pending, string to, string reason, CancellationToken cancellationToken)
    {
        if (pending.RequestedBy == caller.Name)
        {
            return new StateConflict($"the override to {pending.ToState} requested by {caller.Name} must be confirmed by a different admin");
        }

        if (pending.ToState != to)
        {
            return new StateConflict(
                $"an override to {pending.ToState} requested by {pending.RequestedBy} is pending; confirm it with the same target or reject it first");
        }

        var commit = new TransitionCommit(
            pending.Digest,
            pending.ExpectedVersion,
            pending.FromState,
            pending.ToState,
            OverrideEvent,
            caller.Name,
            pending.Reason,
            new Dictionary<string, string> { ["requestedBy"] = pending.RequestedBy },
            _time.GetUtcNow(),
            HistoryKind.Override)
        {
            ConfirmsOverrideId = pending.Id,
            Detail = $"requested by {pending.RequestedBy}; confirmed by {caller.Name}: {reason}",
        };
        var result = await _runner.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return new OverrideOutcome(result.Value, null);
        }

        return result.Failure is VersionMismatch stale
            ? stale with { Message = $"{pending.Digest} changed since the override was requested; reject it and request a new one" }
            : result.Failure;
    }

    private static StateConflict AlreadyThere(ImageRecord image) => new($"{image.Digest} is already in {image.State}");
}
