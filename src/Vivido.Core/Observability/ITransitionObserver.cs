namespace Vivido.Core.Observability;

/// <summary>
/// Told about every history entry a service wrote about a transition attempt (accepted, rejected or
/// override, effects included), after the store committed it. The server uses it for metrics and the
/// one log line per transition. Implementations must be fast and must not throw.
/// </summary>
public interface ITransitionObserver
{
    /// <summary>An entry was written.</summary>
    void Recorded(TransitionObservation observation);
}
