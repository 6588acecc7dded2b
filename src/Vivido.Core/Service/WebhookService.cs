using Vivido.Core.Images;
using Vivido.Core.Lifecycles;
using Vivido.Core.Storage;

using Vivido.Core.Observability;

namespace Vivido.Core.Service;

/// <summary>
/// Records what registries report (pushes, deletions, scans). Every call is idempotent: a redelivered
/// webhook finds everything already recorded and writes nothing.
/// </summary>
public sealed class WebhookService
{
    /// <summary>The history event recording that the registry deleted the manifest; the state does not change.</summary>
    public const string DeletedEvent = CleanupService.DeletedEvent;

    private readonly IVividoStore _store;
    private readonly Lifecycle _lifecycle;
    private readonly TimeProvider _time;
    private readonly TransitionRunner _runner;
    private readonly TagMoveHooks _hooks;

    public WebhookService(IVividoStore store, Lifecycle lifecycle, TimeProvider time, ITransitionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _lifecycle = lifecycle;
        _time = time;
        _runner = new TransitionRunner(store, lifecycle, time, observer);
        _hooks = new TagMoveHooks(_runner);
    }

    /// <summary>The lifecycle in force (its evidence policy scores scans that arrive as counts).</summary>
    public Lifecycle Lifecycle => _lifecycle;

    /// <summary>
    /// A manifest was pushed: registers the digest when it is new, then points each tag at it. Tags that
    /// already point there are left alone (no tag-move row), so a redelivery writes nothing. Each real
    /// move runs the <c>on_tag_move</c> hooks.
    /// </summary>
    public async Task<ServiceResult<WebhookRecorded>> RecordPushAsync(
        Caller caller,
        string? repository,
        string? digest,
        IReadOnlyList<string>? tags,
        IReadOnlyDictionary<string, string>? attributes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var image = await RegisterAsync(caller, repository, digest, tags, attributes, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        var current = (await _store.ListTagsAsync(repository!, cancellationToken).ConfigureAwait(false))
            .ToDictionary(t => t.Tag, t => t.Digest, StringComparer.Ordinal);
        var moved = new List<string>();
        foreach (var tag in (tags ?? []).Distinct(StringComparer.Ordinal))
        {
            if (current.GetValueOrDefault(tag) == digest)
            {
                continue;
            }

            var move = await _store.MoveTagAsync(new TagMoveRequest(repository!, tag, digest!, caller.Name, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            if (move is not null)
            {
                moved.Add(tag);
                await _hooks.FireAsync(caller, repository!, tag, move.FromDigest, move.ToDigest, cancellationToken).ConfigureAwait(false);
            }
        }

        return new WebhookRecorded(repository!, digest!, image.Value.Created, moved);
    }

    /// <summary>
    /// A scanner finished: registers the digest if Vivido missed its push, then attaches the scan with its
    /// raw document, unless the same raw document is already attached.
    /// </summary>
    public async Task<ServiceResult<WebhookRecorded>> AttachScanAsync(
        Caller caller, string? repository, string? digest, ScanFact scan, string rawDocument, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(rawDocument);
        var image = await RegisterAsync(caller, repository, digest, null, null, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        var scans = await _store.ListEvidenceAsync(digest!, EvidenceKind.Scan, cancellationToken).ConfigureAwait(false);
        var attached = false;
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(rawDocument)));
        if (!scans.Any(e => e.RawSha256 == sha256))
        {
            var stored = await _store.AttachEvidenceAsync(
                new EvidenceAttachment(digest!, scan, rawDocument, mediaType, caller.Name, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            attached = stored is not null;
            if (stored is not null)
            {
                // Harbor's summary names no vulnerabilities, so the reason carries only the count.
                await Evidence.CriticalScanHook.FireAsync(_runner, caller, digest!, scan, [], stored.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        return new WebhookRecorded(repository!, digest!, image.Value.Created, [], EvidenceAttached: attached);
    }

    /// <summary>
    /// The registry deleted the manifest. Vivido never deletes an image or its history: the deletion is
    /// appended to the image's history once, as event <see cref="DeletedEvent"/> from its state to the same
    /// state, with <paramref name="reason"/>. Tags keep their last recorded target.
    /// A digest Vivido does not know is <see cref="ResourceNotFound"/>.
    /// </summary>
    public async Task<ServiceResult<WebhookRecorded>> RecordDeletionAsync(
        Caller caller, string? repository, string? digest, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Inputs.First(Inputs.Digest(digest), Inputs.Repository(repository), Inputs.Text(reason, "reason")) is { } bad)
        {
            return bad;
        }

        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _store.LoadSnapshotAsync(digest!, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                return ImageAccess.NotFound(digest!);
            }

            if (!caller.CanAccess(snapshot.Repository))
            {
                return ImageAccess.Denied(snapshot.Repository);
            }

            if (snapshot.Repository != repository)
            {
                return new StateConflict($"{digest} belongs to repository {snapshot.Repository}, not {repository}");
            }

            var history = await _store.ReadHistoryAsync(digest!, cancellationToken).ConfigureAwait(false);
            if (history.Any(e => e.Event == DeletedEvent && e.Kind == HistoryKind.Accepted))
            {
                return new WebhookRecorded(repository!, digest!, false, []);
            }

            var commit = new TransitionCommit(
                digest!, snapshot.Version, snapshot.State, snapshot.State, DeletedEvent, caller.Name, reason, new Dictionary<string, string>(), _time.GetUtcNow());
            var committed = await _runner.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
            if (committed.Succeeded)
            {
                return new WebhookRecorded(repository!, digest!, false, [], DeletionRecorded: true);
            }

            if (committed.Failure is not VersionMismatch || attempt >= TransitionRunner.Attempts)
            {
                return committed.Failure;
            }
        }
    }

    private async Task<ServiceResult<RegistrationResult>> RegisterAsync(
        Caller caller, string? repository, string? digest, IReadOnlyList<string>? tags, IReadOnlyDictionary<string, string>? attributes, CancellationToken cancellationToken)
    {
        if (Inputs.First(Inputs.Digest(digest), Inputs.Repository(repository), Inputs.Tags(tags), Inputs.Map(attributes, "attributes")) is { } bad)
        {
            return bad;
        }

        if (!caller.CanAccess(repository!))
        {
            return ImageAccess.Denied(repository!);
        }

        var registration = new ImageRegistration(
            digest!, repository!, _lifecycle.InitialState, [], attributes ?? new Dictionary<string, string>(), caller.Name, _time.GetUtcNow());
        var result = await _store.RegisterImageAsync(registration, cancellationToken).ConfigureAwait(false);
        return !result.Created && result.Image.Repository != repository
            ? new StateConflict($"{digest} is already registered in repository {result.Image.Repository}")
            : result;
    }
}
