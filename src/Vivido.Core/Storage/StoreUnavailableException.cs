namespace Vivido.Core.Storage;

/// <summary>
/// The database could not be reached or refused the work for a transient reason (connection refused,
/// timeout, shutdown, serialisation failure that survived the store's own retry). Nothing was written,
/// unless <see cref="OutcomeUnknown"/> says the connection dropped while the commit was in flight. The
/// server answers 503 with Retry-After.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>
    /// True when the connection was lost while the commit was in flight, so the write may or may not
    /// have been applied. Callers must not assume it was not: the idempotency filter keeps the key
    /// claimed, so a retry waits instead of running the write a second time.
    /// </summary>
    public bool OutcomeUnknown { get; init; }

    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the driver's exception.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
