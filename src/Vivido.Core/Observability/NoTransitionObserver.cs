namespace Vivido.Core.Observability;

/// <summary>The observer services use when none is given.</summary>
public sealed class NoTransitionObserver : ITransitionObserver
{
    /// <summary>The one instance.</summary>
    public static readonly NoTransitionObserver Instance = new();

    private NoTransitionObserver()
    {
    }

    /// <inheritdoc/>
    public void Recorded(TransitionObservation observation)
    {
    }
}
