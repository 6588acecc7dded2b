using Vivido.Core.Service;
using Vivido.Core.Storage;

namespace Vivido.Server.Jobs;

/// <summary>
/// Fires the lifecycle's timers on every replica that runs jobs, one replica at a time: each tick takes
/// (or renews) the <see cref="LeaseName"/> lease and, while holding it, runs
/// <see cref="TimerService.FireDueAsync(string, Func{CancellationToken, Task{bool}}?, CancellationToken)"/>,
/// renewing between pages. Store errors are logged in one line and retried on the next tick; the lease
/// is released on shutdown so another replica takes over at once.
/// </summary>
internal sealed partial class TimerJob(IVividoStore store, TimerService timers, JobsOptions options, TimeProvider time, ILogger<TimerJob> logger)
    : BackgroundService
{
    /// <summary>The lease that makes one replica at a time fire timers.</summary>
    public const string LeaseName = "timers";

    private bool _holding;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The first tick runs at start: timers that came due while no replica ran fire now.
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
            if (!await RenewAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var run = await timers.FireDueAsync(options.ReplicaId, RenewAsync, cancellationToken).ConfigureAwait(false);
            if (run.Fired + run.Refused + run.Skipped > 0 || !run.Completed)
            {
                LogRun(logger, run.Fired, run.Refused, run.Skipped, run.Completed ? "done" : "stopped: the lease passed to another replica");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, options.Interval, ex.Message.Split('\n')[0]);
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
            LogReleaseFailed(logger, ex.Message.Split('\n')[0]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timers: {Fired} fired, {Refused} refused, {Skipped} skipped; {Outcome}")]
    private static partial void LogRun(ILogger logger, int fired, int refused, int skipped, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timers job failed, retrying in {Interval}: {Reason}")]
    private static partial void LogFailed(ILogger logger, TimeSpan interval, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timers job could not release its lease; it expires on its own: {Reason}")]
    private static partial void LogReleaseFailed(ILogger logger, string reason);
}
