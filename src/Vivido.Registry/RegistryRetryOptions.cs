namespace Vivido.Registry;

/// <summary>How idempotent requests (GET, HEAD) are retried on 429, 502, 503, 504 and connection errors.</summary>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
/// <param name="BaseDelay">The first pause; doubled on each retry.</param>
/// <param name="MaxDelay">The longest pause, also the cap on a registry's Retry-After.</param>
public sealed record RegistryRetryOptions(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>4 attempts, 200 ms doubling, at most 10 s.</summary>
    public static RegistryRetryOptions Default { get; } = new(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));

    /// <summary>The pause before attempt <paramref name="attempt"/> + 1: Retry-After when the registry sent one, else exponential.</summary>
    internal TimeSpan DelayBefore(int attempt, TimeSpan? retryAfter)
    {
        var delay = retryAfter ?? BaseDelay * Math.Pow(2, attempt - 1);
        return delay > MaxDelay ? MaxDelay : delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
