using Vivido.Core.Service;
using Vivido.Core.Storage;

namespace Vivido.Server.Jobs;

/// <summary>
/// Fires the lifecycle's timers (<see cref="TimerService.FireDueAsync(string, Func{CancellationToken, Task{bool}}?, CancellationToken)"/>)
/// while holding the <see cref="Name"/> lease; timers that came due while no replica ran fire on the first tick.
/// </summary>
internal sealed partial class TimerJob(IVividoStore store, TimerService timers, JobsOptions options, TimeProvider time, ILogger<TimerJob> logger)
    : LeasedJob(store, options, time, logger)
{
    /// <summary>The lease that makes one replica at a time fire timers.</summary>
    public const string Name = "timers";

    protected override string LeaseName => Name;

    protected override async Task WorkAsync(Func<CancellationToken, Task<bool>> renew, CancellationToken cancellationToken)
    {
        var run = await timers.FireDueAsync(Options.ReplicaId, renew, cancellationToken).ConfigureAwait(false);
        if (run.Fired + run.Refused + run.Skipped > 0 || !run.Completed)
        {
            LogRun(logger, run.Fired, run.Refused, run.Skipped, run.Completed ? "done" : "stopped: the lease passed to another replica");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timers: {Fired} fired, {Refused} refused, {Skipped} skipped; {Outcome}")]
    private static partial void LogRun(ILogger logger, int fired, int refused, int skipped, string outcome);
}
