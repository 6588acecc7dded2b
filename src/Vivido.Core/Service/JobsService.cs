using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>What the background jobs are doing: which replica holds each lease (admin).</summary>
public sealed class JobsService
{
    private readonly IVividoStore _store;
    private readonly TimeProvider _time;

    public JobsService(IVividoStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
    }

    /// <summary>Every lease, by name, expired ones included. Leases span repositories, so a repository-scoped admin is refused.</summary>
    public async Task<ServiceResult<IReadOnlyList<LeaseStatus>>> ListLeasesAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasRole(Roles.Admin) || !caller.IsUnscoped)
        {
            return new AccessDenied("the jobs need an admin token not limited to repositories");
        }

        var leases = await _store.ListLeasesAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        return ServiceResult<IReadOnlyList<LeaseStatus>>.FromValue(leases.Select(l => new LeaseStatus(l, l.ExpiresAt > now)).ToList());
    }
}
