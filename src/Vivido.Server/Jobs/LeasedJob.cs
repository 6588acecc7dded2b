using Vivido.Core.Storage;

namespace Vivido.Server.Jobs;

/// <summary>
/// A background job every replica runs and one replica at a time works: each tick takes (or renews)
/// the job's lease and, while holding it, runs <see cref="WorkAsync"/>, which may renew between pages.
/// Store errors are logged in one line and retried on the next tick; the lease is released on shutdown
/// so another replica takes over at once. The first tick runs at start.
/// </summary>
internal abstract partial class LeasedJob(IVividoStore store, JobsOptions options, TimeProvider time, ILogger logger) : BackgroundService
{
    private bool _holding;

    /// <summary>The lease's name, shown by <c>vivido jobs ls</c>.</summary>
    protected abstract string LeaseName { get; }

    protected JobsOptions Options => options;

    /// <summary>One pass; <paramref name="renew"/> renews the lease and returns false when another replica took it.</summary>
    protected abstract Task WorkAsync(Func<CancellationToken, Task<bool>> renew, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Interval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await RenewAsync(cancellationToken).ConfigureAwait(false))
            {
                await WorkAsync(RenewAsync, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, LeaseName, options.Interval, ex.Message.Split('\n')[0]);
        }
    }

    private async Task<bool> RenewAsync(CancellationToken cancellationToken)
    {
        var lease = await store.TryAcquireLeaseAsync(LeaseName, options.ReplicaId, time.GetUtcNow(), options.LeaseTtl, cancellationToken).ConfigureAwait(false);
        _holding = lease is not null;
        return _holding;
    }

    private async Task ReleaseAsync()
    {
        if (!_holding)
        {
            return;
        }

        try
        {
            await store.ReleaseLeaseAsync(LeaseName, options.ReplicaId, CancellationToken.None).ConfigureAwait(false);
            _holding = false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReleaseFailed(logger, LeaseName, ex.Message.Split('\n')[0]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} failed, retrying in {Interval}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string job, TimeSpan interval, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} could not release its lease; it expires on its own: {Reason}")]
    private static partial void LogReleaseFailed(ILogger logger, string job, string reason);
}
