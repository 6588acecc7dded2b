using Vivido.Core.Storage;

namespace Vivido.Core.Observability;

/// <summary>Turns a commit into the observations it makes: the image's entry, then one per effect.</summary>
internal static class TransitionObservers
{
    public static void Committed(ITransitionObserver observer, Committed committed, DateTimeOffset? enteredFromStateAt)
    {
        var entry = committed.Entry;
        var stay = entry.Kind != HistoryKind.Rejected && entry.From != entry.To && enteredFromStateAt is { } entered ? entry.At - entered : (TimeSpan?)null;
        observer.Recorded(new TransitionObservation(entry, committed.Image.Repository, stay));
        foreach (var effect in committed.EffectEntries)
        {
            observer.Recorded(new TransitionObservation(effect, committed.Image.Repository, null) { IsEffect = true });
        }
    }
}
