namespace Vivido.Core.Storage;

/// <summary>
/// Leases that let every replica run the background jobs while each unit of work is done by one
/// replica at a time. A replica that dies keeps its lease only until it expires.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes or renews the lease <paramref name="name"/> for <paramref name="holder"/> until
    /// <paramref name="at"/> + <paramref name="ttl"/>. Succeeds when nobody holds it, when the holder
    /// already holds it (a renewal keeps AcquiredAt), or when the current lease expired at or before
    /// <paramref name="at"/>. Returns the lease held after the call, or null when another holder's
    /// unexpired lease stands. Atomic across processes.
    /// </summary>
    Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset at, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up if <paramref name="holder"/> holds it; false otherwise.</summary>
    Task<bool> ReleaseLeaseAsync(string name, string holder, CancellationToken cancellationToken = default);

    /// <summary>Every lease row (expired ones included), by name.</summary>
    Task<IReadOnlyList<Lease>> ListLeasesAsync(CancellationToken cancellationToken = default);
}
