using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>Tags: moving one records the move and never changes a state.</summary>
public sealed class TagService
{
    private readonly IVividoStore _store;
    private readonly TimeProvider _time;

    public TagService(IVividoStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
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
        return move is null ? ImageAccess.NotFound(digest!) : move;
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
