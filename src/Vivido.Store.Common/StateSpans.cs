using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>Folds history into stays of images in a set of states (for <see cref="IEvidenceStore.ReadExposureAsync"/>).</summary>
public static class StateSpans
{
    /// <summary>
    /// The stays in <paramref name="states"/> described by <paramref name="moves"/>: the state-changing
    /// (accepted and override) entries of some images, in seq order, each as digest, to-state and time.
    /// A move into a listed state starts a stay; any later move of that image to a different state ends
    /// it (and starts the next stay when that state is listed too); a move to the same state changes
    /// nothing. Stays still open have no end. Oldest first (by start, then history order).
    /// </summary>
    public static IReadOnlyList<StateSpan> Build(IEnumerable<(string Digest, string To, DateTimeOffset At)> moves, IReadOnlyCollection<string> states)
    {
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(states);
        var wanted = states.ToHashSet(StringComparer.Ordinal);
        var spans = new List<StateSpan>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (digest, to, at) in moves)
        {
            if (current.TryGetValue(digest, out var state) && state == to)
            {
                continue;
            }

            current[digest] = to;
            if (open.Remove(digest, out var index))
            {
                spans[index] = spans[index] with { To = at };
            }

            if (wanted.Contains(to))
            {
                open[digest] = spans.Count;
                spans.Add(new StateSpan(digest, to, at, null));
            }
        }

        // A stable sort: stays starting at one instant keep their history order.
        return [.. spans.OrderBy(s => s.From)];
    }
}
