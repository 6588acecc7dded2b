using Vivido.Core.Lifecycles;
using Vivido.Core.Storage;

namespace Vivido.Core.Evidence;

/// <summary>
/// Asks external scanners for fresh scans: images in the lifecycle's <c>evidence.rescan.states</c>
/// whose newest scan is older than <c>evidence.rescan.after</c> (or that have none) get one
/// <see cref="Topic"/> message in the outbox, again at most once per that period.
/// </summary>
public sealed class RescanService
{
    /// <summary>The outbox topic.</summary>
    public const string Topic = "rescan.requested";

    /// <summary>How many images one store call handles.</summary>
    public const int PageSize = 200;

    private readonly IVividoStore _store;
    private readonly EvidencePolicy _policy;
    private readonly TimeProvider _time;

    public RescanService(IVividoStore store, Lifecycle lifecycle, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _policy = lifecycle.Evidence;
        _time = time;
    }

    /// <summary>
    /// Requests every re-scan that is due now and returns how many; <paramref name="beforeNextPage"/> runs
    /// before each page after the first (a job renews its lease there) and stops the pass when false.
    /// </summary>
    public async Task<int> RequestDueAsync(Func<CancellationToken, Task<bool>>? beforeNextPage, CancellationToken cancellationToken)
    {
        if (_policy.RescanAfter is not { } after || _policy.RescanStates.Count == 0)
        {
            return 0;
        }

        var total = 0;
        while (true)
        {
            var now = _time.GetUtcNow();
            var page = await _store.RequestRescansAsync(
                new RescanRequest(_policy.RescanStates, now - after, now - after, PageSize, now, Topic), cancellationToken).ConfigureAwait(false);
            total += page.Count;
            if (page.Count < PageSize || (beforeNextPage is not null && !await beforeNextPage(cancellationToken).ConfigureAwait(false)))
            {
                return total;
            }
        }
    }
}
