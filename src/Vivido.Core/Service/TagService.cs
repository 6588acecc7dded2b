using Vivido.Core.Lifecycles;
using Vivido.Core.Storage;

using Vivido.Core.Observability;

namespace Vivido.Core.Service;

/// <summary>Tags: moving one records the move and never changes a state by itself; the lifecycle's <c>on_tag_move</c> hooks may then fire an event on the digest the tag left.</summary>
public sealed class TagService
{
    private readonly IVividoStore _store;
    private readonly TimeProvider _time;
    private readonly TagMoveHooks _hooks;

    public TagService(IVividoStore store, Lifecycle lifecycle, TimeProvider time, ITransitionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        _hooks = new TagMoveHooks(new TransitionRunner(store, lifecycle, time, observer));
    }

    /// <summary>Points <c>repository:tag</c> at a digest registered in that repository.</summary>
    public async Task<ServiceResult<TagMove>> MoveAsync(Caller caller, string? repository, string? tag, string? digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Inputs.First(Inputs.Repository(repository), Inputs.Tag(tag), Inputs.Digest(digest)) is { } bad)
        {
            return bad;
        }

        if (!caller.CanAccess(repository!))
        {
            return ImageAccess.Denied(repository!);
        }

        var image = await _store.LoadImageAsync(digest!, cancellationToken).ConfigureAwait(false);
        if (image is null)
        {
            return ImageAccess.NotFound(digest!);
        }

        if (image.Repository != repository)
        {
            return new StateConflict($"{digest} belongs to repository {image.Repository}, not {repository}");
        }

        var move = await _store.MoveTagAsync(new TagMoveRequest(repository!, tag!, digest!, caller.Name, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (move is null)
        {
            return ImageAccess.NotFound(digest!);
        }

        await _hooks.FireAsync(caller, move.Repository, move.Tag, move.FromDigest, move.ToDigest, cancellationToken).ConfigureAwait(false);
        return move;
    }

    /// <summary>The repository's tags.</summary>
    public async Task<ServiceResult<IReadOnlyList<TagRecord>>> ListAsync(Caller caller, string? repository, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return ImageAccess.CheckRepository(caller, repository) is { } bad
            ? bad
            : ServiceResult<IReadOnlyList<TagRecord>>.FromValue(await _store.ListTagsAsync(repository!, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Every recorded move of the repository's tags, or of one tag.</summary>
    public async Task<ServiceResult<IReadOnlyList<TagMove>>> HistoryAsync(Caller caller, string? repository, string? tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var bad = ImageAccess.CheckRepository(caller, repository) ?? (tag is null ? null : Inputs.Tag(tag));
        return bad is not null
            ? bad
            : ServiceResult<IReadOnlyList<TagMove>>.FromValue(await _store.ReadTagHistoryAsync(repository!, tag, cancellationToken).ConfigureAwait(false));
    }
}
