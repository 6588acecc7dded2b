using System.Globalization;
using System.Text.Json;
using Vivido.Core.Admission;
using Vivido.Core.Lifecycles;
using Vivido.Core.Observability;
using Vivido.Core.Storage;

namespace Vivido.Core.Admitting;

/// <summary>
/// The <c>vivido.dev/break-glass: "&lt;reason&gt;"</c> annotation: admits a workload the rules deny and records,
/// for every registered image it let through, an override entry in that image's history (event
/// <see cref="Event"/>, state unchanged, actor <c>k8s:&lt;requesting user&gt;</c>, the annotation as reason) with
/// an outbox message <see cref="Topic"/>.
/// </summary>
internal sealed class BreakGlass(IVividoStore store, Lifecycle lifecycle, TimeProvider time, ITransitionObserver observer)
{
    public const string Annotation = "vivido.dev/break-glass";
    public const string Event = "break-glass";
    public const string Topic = "admission.break-glass";
    private const int MaxReason = 2000;

    /// <summary>The reason the annotation gives, or null when it is absent, empty or too long.</summary>
    public static string? Reason(AdmissionReviewRequest request) =>
        request.Annotations.TryGetValue(Annotation, out var text) && text.Trim() is { Length: > 0 and <= MaxReason } reason && !reason.Any(char.IsControl)
            ? reason
            : null;

    public static string Actor(AdmissionReviewRequest request) => "k8s:" + (string.IsNullOrWhiteSpace(request.UserName) ? "unknown" : request.UserName);

    public async Task RecordAsync(AdmissionReviewRequest request, IReadOnlyList<ResolvedImage> images, AdmissionDecision decision, string reason, CancellationToken cancellationToken)
    {
        var denied = decision.Denials.Select(d => d.Container).ToHashSet(StringComparer.Ordinal);
        foreach (var image in images.Where(i => i.State is not null && denied.Contains(i.Image.Container)).DistinctBy(i => i.Digest))
        {
            await RecordOneAsync(request, image, decision, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RecordOneAsync(AdmissionReviewRequest request, ResolvedImage image, AdmissionDecision decision, string reason, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["namespace"] = request.Namespace,
            ["workload"] = request.Workload,
            ["uid"] = request.Uid,
            ["container"] = image.Image.Container,
        };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var current = await store.LoadImageAsync(image.Digest!, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return;
            }

            var at = time.GetUtcNow();
            var payload = JsonSerializer.Serialize(new
            {
                digest = current.Digest,
                repository = current.Repository,
                state = current.State,
                @namespace = request.Namespace,
                workload = request.Workload,
                user = Actor(request),
                reason,
                uid = request.Uid,
                denied = decision.Message,
                at = at.ToString("O", CultureInfo.InvariantCulture),
            });
            var commit = new TransitionCommit(current.Digest, current.Version, current.State, current.State, Event, Actor(request), reason, parameters, at, HistoryKind.Override)
            {
                Detail = decision.Message,
                ExclusiveStates = lifecycle.ExclusiveStates,
                Outbox = [new OutboxMessage(Topic, payload)],
            };
            if (await store.CommitTransitionAsync(commit, cancellationToken).ConfigureAwait(false) is Committed committed)
            {
                TransitionObservers.Committed(observer, committed, null);
                return;
            }
        }
    }
}
