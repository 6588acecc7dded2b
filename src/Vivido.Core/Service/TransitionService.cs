using Vivido.Core.Engine;
using Vivido.Core.Lifecycles;
using Vivido.Core.Storage;

using Vivido.Core.Observability;

namespace Vivido.Core.Service;

/// <summary>Fires lifecycle events on images: the engine decides, the store commits atomically.</summary>
public sealed class TransitionService
{
    private readonly TransitionRunner _runner;

    public TransitionService(IVividoStore store, Lifecycle lifecycle, TimeProvider time, ITransitionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _runner = new TransitionRunner(store, lifecycle, time, observer);
    }

    /// <summary>
    /// Fires <paramref name="eventName"/> on the image. Refusals (unmet guards, an event the state does
    /// not accept) are appended to history and returned as <see cref="GuardsUnmet"/> /
    /// <see cref="EventNotAllowed"/>; an event the lifecycle does not declare at all is invalid input
    /// and writes nothing.
    /// </summary>
    /// <param name="caller">The token; its name is the recorded actor.</param>
    /// <param name="digest">The image.</param>
    /// <param name="eventName">A declared event.</param>
    /// <param name="reason">Why, for the audit trail.</param>
    /// <param name="parameters">Event parameters, e.g. <c>to</c>.</param>
    /// <param name="expectedVersion">From <c>If-Match</c>: the commit must apply to exactly this version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ServiceResult<TransitionResult>> FireEventAsync(
        Caller caller,
        string? digest,
        string? eventName,
        string? reason,
        IReadOnlyDictionary<string, string>? parameters,
        long? expectedVersion = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var bad = Inputs.First(Inputs.Digest(digest), CheckEvent(_runner.Lifecycle, eventName), Inputs.Text(reason, "reason"), Inputs.Map(parameters, "params"));
        if (bad is not null)
        {
            return bad;
        }

        var request = new TransitionRequest(eventName!, caller.ToActor(), reason, parameters ?? new Dictionary<string, string>());
        return await _runner.FireAsync(caller, digest!, request, expectedVersion, cancellationToken).ConfigureAwait(false);
    }

    internal static InvalidInput? CheckEvent(Lifecycle lifecycle, string? eventName)
    {
        if (string.IsNullOrEmpty(eventName))
        {
            return new InvalidInput("event", "'event' is required");
        }

        return lifecycle.Transitions.Any(t => t.Event == eventName)
            ? null
            : new InvalidInput("event", $"unknown event '{eventName}'; the lifecycle declares {string.Join(", ", lifecycle.Transitions.Select(t => t.Event).Distinct())}");
    }
}
