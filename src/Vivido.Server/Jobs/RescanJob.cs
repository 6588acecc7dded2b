using Vivido.Core.Evidence;
using Vivido.Core.Storage;

namespace Vivido.Server.Jobs;

/// <summary>Requests re-scans of production images whose scan is too old (<see cref="RescanService"/>) while holding the <see cref="Name"/> lease.</summary>
internal sealed partial class RescanJob(IVividoStore store, RescanService rescans, JobsOptions options, TimeProvider time, ILogger<RescanJob> logger)
    : LeasedJob(store, options, time, logger)
{
    /// <summary>The lease that makes one replica at a time request re-scans.</summary>
    public const string Name = "rescans";

    protected override string LeaseName => Name;

    protected override async Task WorkAsync(Func<CancellationToken, Task<bool>> renew, CancellationToken cancellationToken)
    {
        var requested = await rescans.RequestDueAsync(renew, cancellationToken).ConfigureAwait(false);
        if (requested > 0)
        {
            LogRequested(logger, requested);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-scans: {Requested} requested")]
    private static partial void LogRequested(ILogger logger, int requested);
}
