using Vivido.Core.Admission;
using Vivido.Core.Images;
using Vivido.Core.Lifecycles;
using Vivido.Core.Registries;
using Vivido.Core.Service;
using Vivido.Core.Storage;

using Vivido.Core.Observability;

namespace Vivido.Core.Admitting;

/// <summary>
/// Kubernetes admission from the store: resolves every image of a workload to a digest and its state,
/// judges them by the lifecycle's admission rules for the namespace, honours break-glass, pins tags
/// (mutate), and records where admitted digests run.
/// </summary>
public sealed class AdmissionService
{
    public const string EnvironmentAnnotation = "vivido.dev/environment";
    public const string ClusterAnnotation = "vivido.dev/cluster";

    private readonly IVividoStore _store;
    private readonly Lifecycle _lifecycle;
    private readonly TimeProvider _time;
    private readonly AdmissionOptions _options;
    private readonly ImageResolver _resolver;
    private readonly BreakGlass _breakGlass;
    private readonly AdmissionCache _cache;

    public AdmissionService(IVividoStore store, Lifecycle lifecycle, TimeProvider time, AdmissionOptions? options = null, ITagResolver? registry = null, ITransitionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _lifecycle = lifecycle;
        _time = time;
        _options = options ?? AdmissionOptions.Default;
        _cache = new AdmissionCache(time, _options.CacheTtl ?? AdmissionOptions.DefaultCacheTtl);
        _resolver = new ImageResolver(store, registry, _options.UnknownTags, _cache);
        _breakGlass = new BreakGlass(store, lifecycle, time, observer ?? NoTransitionObserver.Instance);
    }

    /// <summary>The validating webhook: allow, or deny naming each offending image; a malformed review gets an AdmissionReview error (400), never an exception.</summary>
    public async Task<AdmissionOutcome> ValidateAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        if (Read(body, out var failure) is not { } request)
        {
            return failure!;
        }

        var images = await ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        var decision = AdmissionDecider.Decide(request, images, _lifecycle.AdmissionRules);
        var warnings = decision.Warnings.ToList();
        var allowed = decision.Allowed;
        var brokeGlass = false;
        if (!allowed && BreakGlass.Reason(request) is { } reason)
        {
            (allowed, brokeGlass) = (true, true);
            warnings.Add($"break-glass by {BreakGlass.Actor(request)} ({reason}): admitted although {decision.Message}");
            if (!request.DryRun)
            {
                await _breakGlass.RecordAsync(request, images, decision, reason, cancellationToken).ConfigureAwait(false);
            }
        }

        if (allowed && !request.DryRun && request.Operation is "CREATE" or "UPDATE")
        {
            await RecordDeploymentsAsync(request, images, cancellationToken).ConfigureAwait(false);
        }

        var response = AdmissionResponseWriter.Write(request.ApiVersion, request.Uid, allowed, allowed ? null : 403, allowed ? null : decision.Message, warnings, null);
        return new AdmissionOutcome(response, allowed, decision, brokeGlass);
    }

    /// <summary>The mutating webhook: always allows, with a JSONPatch pinning every tag Vivido can resolve to its digest.</summary>
    public async Task<AdmissionOutcome> MutateAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        if (Read(body, out var failure) is not { } request)
        {
            return failure!;
        }

        var images = await ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        var warnings = images
            .Where(i => i.Image.Reference is { IsPinned: false } && i.Digest is null)
            .Select(i => $"container \"{i.Image.Container}\" keeps its tag: {i.Problem}")
            .ToList();
        var patch = JsonPatchBuilder.PinTags(images);
        return new AdmissionOutcome(AdmissionResponseWriter.Write(request.ApiVersion, request.Uid, true, null, null, warnings, patch), true, null, false);
    }

    /// <summary>The same decision for one image, for deploy tools outside Kubernetes (an Argo CD hook, a pipeline step).</summary>
    public async Task<ServiceResult<CheckResult>> CheckAsync(Caller caller, string? image, string? namespaceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(namespaceName) || !KubernetesNames.IsNamespace(namespaceName))
        {
            return new InvalidInput("namespace", "expected a Kubernetes namespace name: 1-63 lowercase letters, digits and '-', starting and ending with a letter or digit");
        }

        if (string.IsNullOrWhiteSpace(image))
        {
            return new InvalidInput("image", "expected an image reference such as registry.example.com/team/app:1.2 or …@sha256:…");
        }

        if (!ImageReference.TryParse(image, out var reference, out var error))
        {
            return new InvalidInput("image", error);
        }

        if (!caller.CanAccess(reference.Repository))
        {
            return new AccessDenied($"the token may not act on repository {reference.Repository}");
        }

        var request = AdmissionReviewRequest.ForCheck(namespaceName, image, reference);
        var resolved = await _resolver.ResolveAsync(request.Images[0], cancellationToken).ConfigureAwait(false);
        var decision = AdmissionDecider.Decide(request, [resolved], _lifecycle.AdmissionRules);
        return new CheckResult(image, namespaceName, decision.Allowed, resolved.Digest, resolved.State, decision.Allowed ? null : decision.Message, decision.Warnings);
    }

    private static AdmissionReviewRequest? Read(ReadOnlyMemory<byte> body, out AdmissionOutcome? failure)
    {
        try
        {
            failure = null;
            return AdmissionReviewReader.Read(body);
        }
        catch (AdmissionReviewException e)
        {
            failure = new AdmissionOutcome(AdmissionResponseWriter.Write(e.ApiVersion, e.Uid ?? string.Empty, false, 400, e.Message, [], null), false, null, false);
            return null;
        }
    }

    private async Task<IReadOnlyList<ResolvedImage>> ResolveAsync(AdmissionReviewRequest request, CancellationToken cancellationToken)
    {
        var resolved = new List<ResolvedImage>(request.Images.Count);
        foreach (var image in request.Images)
        {
            resolved.Add(await _resolver.ResolveAsync(image, cancellationToken).ConfigureAwait(false));
        }

        return resolved;
    }

    /// <summary>
    /// Admitted digests are recorded as progressing where they run. A re-admission of a workload already
    /// recorded there (an UPDATE that scales, a pod restart) leaves the row, and its reported health, alone.
    /// </summary>
    private async Task RecordDeploymentsAsync(AdmissionReviewRequest request, IReadOnlyList<ResolvedImage> images, CancellationToken cancellationToken)
    {
        var environment = Label(request, EnvironmentAnnotation) ?? request.Namespace;
        var cluster = Label(request, ClusterAnnotation) ?? _options.Cluster;
        foreach (var digest in images.Where(i => i.State is not null).Select(i => i.Digest!).Distinct(StringComparer.Ordinal))
        {
            var key = string.Join('\n', digest, environment, cluster, request.Namespace, request.Workload);
            if (_cache.WasRecorded(key))
            {
                continue;
            }

            var known = await _store.ListDeploymentsAsync(digest, cancellationToken).ConfigureAwait(false);
            if (!known.Any(d => d.Environment == environment && d.Cluster == cluster && d.Namespace == request.Namespace && d.Workload == request.Workload))
            {
                await _store.RecordDeploymentAsync(
                    new DeploymentReport(digest, environment, cluster, request.Namespace, request.Workload, DeploymentStatus.Progressing, _time.GetUtcNow()),
                    cancellationToken).ConfigureAwait(false);
            }

            _cache.Recorded(key);
        }
    }

    private static string? Label(AdmissionReviewRequest request, string annotation) =>
        request.Annotations.TryGetValue(annotation, out var value) && value.Trim() is { Length: > 0 and <= 253 } text && !text.Any(char.IsControl) ? text : null;
}
