using Vivido.Core.Cleanup;
using Vivido.Core.Lifecycles;
using Vivido.Core.Observability;
using Vivido.Core.Registries;
using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>
/// Deletes Retired images from their registries when nothing needs them any more (see
/// <see cref="CleanupPlanner"/> for the rule). Each deletion is recorded in the image's history as an
/// accepted <c>deleted</c> entry from Retired to Retired; a registry error is recorded as a rejected one,
/// and the image stays not deleted.
/// </summary>
public sealed class CleanupService
{
    /// <summary>The event of the history entry recording a deletion.</summary>
    public const string DeletedEvent = "deleted";

    /// <summary>The lease that keeps cleanup runs on different replicas from overlapping.</summary>
    public const string LeaseName = "cleanup";

    /// <summary>How long a run's lease lasts without renewal; it is renewed before every deletion.</summary>
    public static readonly TimeSpan LeaseTtl = TimeSpan.FromMinutes(2);

    private const int PageSize = 1000;
    private static readonly IReadOnlyDictionary<string, string> NoParams = new Dictionary<string, string>();

    private readonly IVividoStore _store;
    private readonly Lifecycle _lifecycle;
    private readonly IRegistryDeleter _deleter;
    private readonly TimeProvider _time;
    private readonly ITransitionObserver _observer;

    public CleanupService(IVividoStore store, Lifecycle lifecycle, IRegistryDeleter deleter, TimeProvider time, ITransitionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(deleter);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _lifecycle = lifecycle;
        _deleter = deleter;
        _time = time;
        _observer = observer ?? NoTransitionObserver.Instance;
    }

    /// <summary>
    /// What a cleanup would delete and why every other image is kept, for the images the caller may see.
    /// <paramref name="at"/> may only be now or later: timers are not simulated, so a later plan differs
    /// from today's only by what gets Retired meanwhile, which is not predicted.
    /// </summary>
    public async Task<ServiceResult<CleanupPlan>> PlanAsync(Caller caller, DateTimeOffset? at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = _time.GetUtcNow();
        if (at is { } when && when < now)
        {
            return new InvalidInput("at", "'at' must be now or later: a cleanup plan is for the present or the future");
        }

        return await BuildPlanAsync(caller, at ?? now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes exactly the plan's images (admin only). Each image is re-checked just before its
    /// deletion (still at the planned version, still running nowhere); one that changed is reported
    /// as failed and left alone.
    /// </summary>
    /// <param name="caller">Who runs it (admin).</param>
    /// <param name="replicaId">The replica running it: runs hold the <see cref="LeaseName"/> lease, so two replicas never delete at once.</param>
    /// <param name="cancellationToken">Cancels the run between deletions.</param>
    public async Task<ServiceResult<CleanupRun>> RunAsync(Caller caller, string replicaId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrWhiteSpace(replicaId);
        if (!caller.HasRole(Roles.Admin))
        {
            return new AccessDenied("deleting images from registries needs the admin role");
        }

        if (await _store.TryAcquireLeaseAsync(LeaseName, replicaId, _time.GetUtcNow(), LeaseTtl, cancellationToken).ConfigureAwait(false) is null)
        {
            var holder = (await _store.ListLeasesAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(l => l.Name == LeaseName)?.Holder;
            return new StateConflict($"a cleanup is already running on replica {holder ?? "(unknown)"}; try again when it has finished");
        }

        try
        {
            return await RunHoldingLeaseAsync(caller, replicaId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _store.ReleaseLeaseAsync(LeaseName, replicaId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<CleanupRun> RunHoldingLeaseAsync(Caller caller, string replicaId, CancellationToken cancellationToken)
    {
        var plan = await BuildPlanAsync(caller, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var deleted = new List<CleanupDeleted>();
        var failed = new List<CleanupFailure>();
        foreach (var target in plan.Delete)
        {
            // Renewing before each deletion keeps a slow run's lease; losing it means another replica took over.
            if (await _store.TryAcquireLeaseAsync(LeaseName, replicaId, _time.GetUtcNow(), LeaseTtl, cancellationToken).ConfigureAwait(false) is null)
            {
                failed.Add(new CleanupFailure(target.Digest, target.Repository, "the cleanup lease passed to another replica; not attempted"));
                continue;
            }

            var outcome = await DeleteAsync(caller, target, cancellationToken).ConfigureAwait(false);
            if (outcome.Deleted is { } done)
            {
                deleted.Add(done);
            }
            else
            {
                failed.Add(outcome.Failure!);
            }
        }

        return new CleanupRun(plan, deleted, failed);
    }

    private async Task<(CleanupDeleted? Deleted, CleanupFailure? Failure)> DeleteAsync(Caller caller, CleanupTarget target, CancellationToken cancellationToken)
    {
        CleanupFailure Failed(string error) => new(target.Digest, target.Repository, error);

        var image = await _store.LoadImageAsync(target.Digest, cancellationToken).ConfigureAwait(false);
        if (image is null || image.Version != target.Version)
        {
            return (null, Failed("the image changed since the plan was made; run the cleanup again"));
        }

        var deployments = await _store.ListDeploymentsAsync(target.Digest, cancellationToken).ConfigureAwait(false);
        if (deployments.Any(CleanupPlanner.IsRunning))
        {
            return (null, Failed("a deployment started running it since the plan was made"));
        }

        bool existed;
        try
        {
            existed = await _deleter.DeleteManifestAsync(target.Repository, target.Digest, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryUnavailableException ex)
        {
            var error = $"registry error: {ex.Message}";
            var refused = await _store.AppendRejectionAsync(
                new RejectionRecord(target.Digest, DeletedEvent, caller.Name, "cleanup", NoParams, _time.GetUtcNow(), error) { ExpectedVersion = target.Version },
                cancellationToken).ConfigureAwait(false);
            if (refused is not null)
            {
                _observer.Recorded(new TransitionObservation(refused, target.Repository, null));
            }
            return (null, Failed(error));
        }

        var commit = new TransitionCommit(
            target.Digest, target.Version, CleanupPlanner.RetiredState, CleanupPlanner.RetiredState, DeletedEvent, caller.Name, "cleanup", NoParams, _time.GetUtcNow())
        {
            Detail = existed ? "manifest deleted from the registry" : "manifest already absent from the registry",
            ExclusiveStates = [.. _lifecycle.States.Where(s => s.Exclusive).Select(s => s.Name)],
        };
        if (await _store.CommitTransitionAsync(commit, cancellationToken).ConfigureAwait(false) is not Committed committed)
        {
            return (null, Failed("the image changed while it was being deleted; run the cleanup again to record it"));
        }

        TransitionObservers.Committed(_observer, committed, null);
        return (new CleanupDeleted(target.Digest, target.Repository, committed.Entry.At, committed.Entry.Seq), null);
    }

    private async Task<CleanupPlan> BuildPlanAsync(Caller caller, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var inputs = new List<CleanupInput>();
        string? cursor = null;
        do
        {
            var page = await _store.ListImagesAsync(new ImageQuery(Limit: PageSize, Cursor: cursor), cancellationToken).ConfigureAwait(false);
            foreach (var image in page.Items.Where(i => caller.CanAccess(i.Repository)))
            {
                inputs.Add(await ReadAsync(image, cancellationToken).ConfigureAwait(false));
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var deprecated = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var repository in inputs.Where(i => i.Image.State == CleanupPlanner.RetiredState).Select(i => i.Image.Repository).Distinct(StringComparer.Ordinal))
        {
            deprecated[repository] = (await _store.LoadRepositoryContextAsync(repository, cancellationToken).ConfigureAwait(false)).DeprecatedDigests;
        }

        return CleanupPlanner.Build(at, _lifecycle.Retention.KeepRollbackCandidates, inputs, deprecated);
    }

    private async Task<CleanupInput> ReadAsync(ImageRecord image, CancellationToken cancellationToken)
    {
        if (image.State != CleanupPlanner.RetiredState)
        {
            return new CleanupInput(image, [], null);
        }

        var history = await _store.ReadHistoryAsync(image.Digest, cancellationToken).ConfigureAwait(false);
        var deletion = history.LastOrDefault(h => h.Event == DeletedEvent && h.Kind == HistoryKind.Accepted);
        var deployments = deletion is null ? await _store.ListDeploymentsAsync(image.Digest, cancellationToken).ConfigureAwait(false) : [];
        return new CleanupInput(image, deployments, deletion);
    }
}
