using Vivido.Core.Evidence;
using Vivido.Core.Service;

namespace Vivido.Server.Jobs;

/// <summary>Wires the background jobs into the host.</summary>
internal static class JobsRegistration
{
    /// <summary>Registers the timer and re-scan jobs (when <see cref="VividoServerOptions.RunJobs"/>) and what <c>/api/v1/jobs</c> reads.</summary>
    /// <exception cref="ServerStartupException">The replica id is empty, or the interval or lease time is not positive.</exception>
    public static IServiceCollection AddVividoJobs(this IServiceCollection services, VividoServerOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ReplicaId))
        {
            throw new ServerStartupException("the replica id must not be empty");
        }

        if (options.JobInterval <= TimeSpan.Zero || options.LeaseTtl <= TimeSpan.Zero)
        {
            throw new ServerStartupException($"the job interval ({options.JobInterval}) and the lease time ({options.LeaseTtl}) must be positive");
        }

        services.AddSingleton(new JobsOptions(options.ReplicaId, options.RunJobs, options.JobInterval, options.LeaseTtl));
        services.AddSingleton<JobsService>();
        services.AddSingleton<TimerService>();
        services.AddSingleton<RescanService>();
        if (options.RunJobs)
        {
            services.AddHostedService<TimerJob>();
            services.AddHostedService<RescanJob>();
        }

        return services;
    }
}
