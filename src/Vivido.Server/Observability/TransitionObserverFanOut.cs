using Vivido.Core.Observability;

namespace Vivido.Server.Observability;

/// <summary>
/// The one <see cref="ITransitionObserver"/> the services get: it tells every observer registered with
/// <see cref="AddTransitionObserver{T}"/> (metrics, the transition log). A failing observer never fails a
/// transition that is already committed.
/// </summary>
internal sealed partial class TransitionObserverFanOut(IEnumerable<ITransitionObserver> observers, ILogger<TransitionObserverFanOut> logger) : ITransitionObserver
{
    private const string PartKey = "vivido.transition-observer";

    private readonly ITransitionObserver[] _observers = [.. observers];

    /// <summary>Registers the fan-out itself (once).</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<ITransitionObserver>(provider => new TransitionObserverFanOut(
            provider.GetKeyedServices<ITransitionObserver>(PartKey), provider.GetRequiredService<ILogger<TransitionObserverFanOut>>()));

    /// <summary>Adds <typeparamref name="T"/> (a singleton) to the observers the fan-out tells.</summary>
    public static void AddTransitionObserver<T>(IServiceCollection services)
        where T : class, ITransitionObserver
    {
        services.AddSingleton<T>();
        services.AddKeyedSingleton<ITransitionObserver>(PartKey, (provider, _) => provider.GetRequiredService<T>());
    }

    public void Recorded(TransitionObservation observation)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.Recorded(observation);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogFailed(logger, observer.GetType().Name, ex.Message.Split('\n')[0]);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "transition observer {Observer} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string observer, string error);
}
