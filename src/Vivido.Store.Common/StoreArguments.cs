using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>
/// The argument rules every store enforces before touching its database: bad arguments are an
/// <see cref="ArgumentException"/> and nothing is written.
/// </summary>
public static class StoreArguments
{
    /// <summary>A list limit is between 1 and <see cref="ImageQuery.MaxLimit"/>.</summary>
    public static void RequireLimit(int limit, string name)
    {
        if (limit is < 1 or > ImageQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(name, limit, $"limit must be between 1 and {ImageQuery.MaxLimit}");
        }
    }

    /// <summary>For <see cref="IEvidenceStore.RequestRescansAsync"/>: states, a topic and a valid limit.</summary>
    public static void RequireRescan(RescanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.States);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Topic);
        if (request.States.Any(s => s is null))
        {
            throw new ArgumentException("a state is null", nameof(request));
        }

        RequireLimit(request.Limit, nameof(request));
    }

    /// <summary>For <see cref="ILeaseStore.TryAcquireLeaseAsync"/>: a name, a holder and a positive time to live.</summary>
    public static void RequireLease(string name, string holder, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "a lease lasts a positive time");
        }
    }

    /// <summary>For <see cref="ITimerStore.ListDueTimersAsync"/>: a state, an event and a valid limit.</summary>
    public static void RequireDueTimers(string state, string timerEvent, int limit)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(timerEvent);
        RequireLimit(limit, nameof(limit));
    }

    /// <summary>An idempotency key: the token's name and the key.</summary>
    public static void RequireIdempotencyKey(string tokenName, string key)
    {
        ArgumentNullException.ThrowIfNull(tokenName);
        ArgumentNullException.ThrowIfNull(key);
    }

    /// <summary>For <see cref="IIdempotencyStore.ClaimIdempotencyKeyAsync"/>: a key, a request hash and a positive abandon time.</summary>
    public static void RequireClaim(string tokenName, string key, string requestHash, TimeSpan abandonAfter)
    {
        RequireIdempotencyKey(tokenName, key);
        ArgumentNullException.ThrowIfNull(requestHash);
        if (abandonAfter <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(abandonAfter), abandonAfter, "a claim is abandoned after a positive time");
        }
    }

    /// <summary>For <see cref="IIdempotencyStore.SaveIdempotentResultAsync"/>: a result whose status is not 0, the status that marks a claim.</summary>
    public static void RequireResult(IdempotentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(result), result.Status, "a result's status is never 0 (that marks a claim)");
        }
    }

    /// <summary>For <see cref="ITransitionStore.CommitTransitionAsync"/>: a commit that is not a rejection.</summary>
    public static void RequireCommit(TransitionCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.Kind == HistoryKind.Rejected)
        {
            throw new ArgumentException("a rejection is appended with AppendRejectionAsync, not committed", nameof(commit));
        }
    }
}
