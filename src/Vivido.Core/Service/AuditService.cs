using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>The whole history across images, and its hash-chain check. Needs a token not limited to repositories.</summary>
public sealed class AuditService
{
    /// <summary>The default page size of <see cref="ReadAsync"/>.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;

    private readonly IVividoStore _store;

    public AuditService(IVividoStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Entries with seq greater than <paramref name="since"/> (0 from the start).</summary>
    public async Task<ServiceResult<AuditPage>> ReadAsync(Caller caller, long? since, int? limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ServiceFailure? bad = Scope(caller);
        bad ??= since is < 0 ? new InvalidInput("since", "'since' must be a seq number, 0 or more") : Inputs.Limit(limit, MaxLimit);
        if (bad is not null)
        {
            return bad;
        }

        var size = limit ?? DefaultLimit;
        var items = await _store.ReadAuditAsync(since ?? 0, size, cancellationToken).ConfigureAwait(false);
        return new AuditPage(items, items.Count == size ? items[^1].Seq : null);
    }

    /// <summary>Checks every entry's hash and link.</summary>
    public async Task<ServiceResult<AuditVerification>> VerifyAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Scope(caller) is { } denied ? denied : await _store.VerifyAuditAsync(cancellationToken).ConfigureAwait(false);
    }

    private static AccessDenied? Scope(Caller caller) =>
        caller.IsUnscoped ? null : new AccessDenied("the audit log spans every repository: it needs a token not limited to repositories");
}
