using Vivido.Core.Lifecycles;
using Vivido.Core.Lifecycles.Loading;
using Vivido.Core.Storage;

using Vivido.Core.Observability;

namespace Vivido.Core.Service;

/// <summary>Registering images and reading them: one image, filtered pages, an image's history.</summary>
public sealed class ImageService
{
    /// <summary>The default page size of <see cref="ListAsync"/>.</summary>
    public const int DefaultLimit = 50;

    private readonly IVividoStore _store;
    private readonly Lifecycle _lifecycle;
    private readonly TimeProvider _time;
    private readonly TagMoveHooks _hooks;

    public ImageService(IVividoStore store, Lifecycle lifecycle, TimeProvider time, ITransitionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _lifecycle = lifecycle;
        _time = time;
        _hooks = new TagMoveHooks(new TransitionRunner(store, lifecycle, time, observer));
    }

    /// <summary>
    /// Registers a digest in the lifecycle's initial state. The same digest again returns the stored
    /// image unchanged (<see cref="RegistrationResult.Created"/> false); the same digest under another
    /// repository is a conflict.
    /// </summary>
    public Task<ServiceResult<RegistrationResult>> RegisterAsync(
        Caller caller,
        string? repository,
        string? digest,
        IReadOnlyList<string>? tags,
        IReadOnlyDictionary<string, string>? attributes,
        CancellationToken cancellationToken = default) =>
        RegisterAsync(caller, repository, digest, tags, attributes, entry: null, cancellationToken);

    /// <summary>
    /// As above; with <paramref name="entry"/> (e.g. <c>import</c>, admin or ci only) the image starts in the state
    /// whose <c>entry</c> it is instead of the initial state. An image already registered is returned unchanged.
    /// </summary>
    public async Task<ServiceResult<RegistrationResult>> RegisterAsync(
        Caller caller,
        string? repository,
        string? digest,
        IReadOnlyList<string>? tags,
        IReadOnlyDictionary<string, string>? attributes,
        string? entry,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Inputs.First(Inputs.Digest(digest), Inputs.Repository(repository), Inputs.Tags(tags), Inputs.Map(attributes, "attributes")) is { } bad)
        {
            return bad;
        }

        if (!caller.CanAccess(repository!))
        {
            return ImageAccess.Denied(repository!);
        }

        var state = _lifecycle.InitialState;
        if (entry is not null)
        {
            if (!caller.HasRole(Roles.Admin) && !caller.HasRole(Roles.Ci))
            {
                return new AccessDenied($"registering through entry '{entry}' needs the admin or ci role");
            }

            var entries = _lifecycle.States.Where(s => s.Entry is not null).ToList();
            if (entries.FirstOrDefault(s => s.Entry == entry) is not { } entered)
            {
                var known = entries.Count == 0 ? "the lifecycle declares none" : "expected one of " + string.Join(", ", entries.Select(s => s.Entry));
                return new InvalidInput("entry", $"unknown entry '{entry}': {known}");
            }

            state = entered.Name;
        }

        var registration = new ImageRegistration(
            digest!,
            repository!,
            state,
            (tags ?? []).Distinct(StringComparer.Ordinal).ToList(),
            attributes ?? new Dictionary<string, string>(),
            caller.Name,
            _time.GetUtcNow());
        // Where the tags pointed before, so on_tag_move hooks can fire on the digests they leave.
        var previous = _hooks.Any && registration.Tags.Count > 0
            ? (await _store.ListTagsAsync(repository!, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Tag, t => t.Digest, StringComparer.Ordinal)
            : [];
        var result = await _store.RegisterImageAsync(registration, cancellationToken).ConfigureAwait(false);
        if (!result.Created && result.Image.Repository != repository)
        {
            return new StateConflict($"{digest} is already registered in repository {result.Image.Repository}");
        }

        if (result.Created)
        {
            foreach (var tag in registration.Tags)
            {
                await _hooks.FireAsync(caller, repository!, tag, previous.GetValueOrDefault(tag), digest!, cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    /// <summary>One image.</summary>
    public Task<ServiceResult<ImageRecord>> GetAsync(Caller caller, string? digest, CancellationToken cancellationToken = default) =>
        ImageAccess.LoadAsync(_store, caller, digest, cancellationToken);

    /// <summary>An image's history, registration first.</summary>
    public async Task<ServiceResult<IReadOnlyList<HistoryEntry>>> HistoryAsync(Caller caller, string? digest, CancellationToken cancellationToken = default)
    {
        var image = await ImageAccess.LoadAsync(_store, caller, digest, cancellationToken).ConfigureAwait(false);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        return ServiceResult<IReadOnlyList<HistoryEntry>>.FromValue(
            await _store.ReadHistoryAsync(image.Value.Digest, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// A page of images. For a token limited to some repositories, images outside them are skipped
    /// (pages may then come back shorter than <paramref name="limit"/> only at the end).
    /// </summary>
    /// <param name="caller">The token.</param>
    /// <param name="state">A declared state, or null.</param>
    /// <param name="repository">A repository, or null.</param>
    /// <param name="tag">A tag name, or null.</param>
    /// <param name="inStateLongerThan">A duration such as <c>30d</c> or <c>1d12h</c>, or null.</param>
    /// <param name="limit">1..1000, default <see cref="DefaultLimit"/>.</param>
    /// <param name="cursor">The previous page's next cursor.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<ServiceResult<ImagePage>> ListAsync(
        Caller caller,
        string? state,
        string? repository,
        string? tag,
        string? inStateLongerThan,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var query = BuildQuery(state, repository, tag, inStateLongerThan, limit, cursor);
        if (!query.Succeeded)
        {
            return query.Failure;
        }

        if (repository is not null && !caller.CanAccess(repository))
        {
            return ImageAccess.Denied(repository);
        }

        try
        {
            return await ListVisibleAsync(caller, query.Value, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // The store is the only judge of its opaque cursors.
            return new InvalidInput("cursor", "'cursor' is not a cursor this server issued");
        }
    }

    private ServiceResult<ImageQuery> BuildQuery(string? state, string? repository, string? tag, string? inStateLongerThan, int? limit, string? cursor)
    {
        if (state is not null && !_lifecycle.HasState(state))
        {
            return new InvalidInput("state", $"unknown state '{state}'; the lifecycle declares {string.Join(", ", _lifecycle.States.Select(s => s.Name))}");
        }

        var bad = Inputs.First(
            repository is null ? null : Inputs.Repository(repository),
            tag is null ? null : Inputs.Tag(tag),
            Inputs.Limit(limit, ImageQuery.MaxLimit),
            cursor is { Length: > 512 } ? new InvalidInput("cursor", "'cursor' is not a cursor this server issued") : null);
        if (bad is not null)
        {
            return bad;
        }

        TimeSpan? age = null;
        if (inStateLongerThan is not null)
        {
            if (!DurationParser.TryParse(inStateLongerThan, out var parsed))
            {
                return new InvalidInput("inStateLongerThan", "'inStateLongerThan' must be a duration such as 30d, 12h, 90m, 45s or 1d12h");
            }

            age = parsed;
        }

        return new ImageQuery(state, repository, tag, age, age is null ? null : _time.GetUtcNow(), limit ?? DefaultLimit, cursor);
    }

    private async Task<ImagePage> ListVisibleAsync(Caller caller, ImageQuery query, CancellationToken cancellationToken)
    {
        if (caller.IsUnscoped || query.Repository is not null)
        {
            return await _store.ListImagesAsync(query, cancellationToken).ConfigureAwait(false);
        }

        // Whole store pages are consumed so the store's cursor stays exact: no gaps, no repeats.
        var items = new List<ImageRecord>();
        var next = query.Cursor;
        do
        {
            var page = await _store.ListImagesAsync(query with { Limit = query.Limit - items.Count, Cursor = next }, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items.Where(i => caller.CanAccess(i.Repository)));
            next = page.NextCursor;
        }
        while (items.Count < query.Limit && next is not null);

        return new ImagePage(items, next);
    }
}
