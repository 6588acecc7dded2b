using System.Globalization;
using Vivido.Core.Engine;
using Vivido.Core.Images;
using Vivido.Core.Service;

namespace Vivido.Core.Evidence;

/// <summary>Fires the lifecycle's <c>evidence.on_critical</c> event after a scan with a critical finding, when the image's state accepts it.</summary>
internal static class CriticalScanHook
{
    /// <summary>The parameter naming the evidence that caused it.</summary>
    public const string EvidenceParam = "evidence";

    /// <summary>Null when the lifecycle names no event, the state is terminal, or the state does not accept the event.</summary>
    public static async Task<AutoTransition?> FireAsync(
        TransitionRunner runner, Caller caller, string digest, ScanFact scan, IReadOnlyList<string> criticalIds, long? evidenceId, CancellationToken cancellationToken)
    {
        var lifecycle = runner.Lifecycle;
        if (lifecycle.Evidence.OnCritical is not { } eventName || scan.Critical == 0)
        {
            return null;
        }

        var image = await runner.Store.LoadImageAsync(digest, cancellationToken).ConfigureAwait(false);
        if (image is null || lifecycle.IsTerminal(image.State) || lifecycle.Find(image.State, eventName) is null)
        {
            return null;
        }

        var reason = Reason(scan, criticalIds);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (evidenceId is { } id)
        {
            parameters[EvidenceParam] = id.ToString(CultureInfo.InvariantCulture);
        }

        var outcome = await runner.FireAsync(
            caller, digest, new TransitionRequest(eventName, caller.ToActor(), reason, parameters), expectedVersion: null, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded
            ? new AutoTransition(eventName, true, outcome.Value.Transition.From ?? image.State, outcome.Value.Transition.To ?? image.State, reason, null, [])
            : new AutoTransition(
                eventName, false, image.State, image.State, reason, outcome.Failure.Message,
                outcome.Failure is GuardsUnmet unmet ? unmet.Unmet.Select(u => u.Name).ToList() : []);
    }

    /// <summary>"scan by trivy found 2 critical: CVE-…, CVE-…" with at most ten ids.</summary>
    private static string Reason(ScanFact scan, IReadOnlyList<string> criticalIds)
    {
        var ids = criticalIds.Take(10).ToList();
        var more = criticalIds.Count > ids.Count ? $" and {criticalIds.Count - ids.Count} more" : string.Empty;
        var list = ids.Count == 0 ? string.Empty : $": {string.Join(", ", ids)}{more}";
        return $"scan by {scan.Scanner} found {scan.Critical} critical finding(s){list}";
    }
}
