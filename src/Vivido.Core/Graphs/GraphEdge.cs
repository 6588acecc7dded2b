using Vivido.Core.Lifecycles;

namespace Vivido.Core.Graphs;

/// <summary>One drawn arrow: a (from, event, to) row of the table, with '*' and target lists expanded.</summary>
internal sealed record GraphEdge(int Index, string From, string Event, string To)
{
    public static IReadOnlyList<GraphEdge> Of(Lifecycle lifecycle)
    {
        var edges = new List<GraphEdge>();
        foreach (var transition in lifecycle.Transitions)
        {
            foreach (var from in transition.From)
            {
                foreach (var to in transition.To)
                {
                    edges.Add(new GraphEdge(edges.Count, from, transition.Event, to));
                }
            }
        }

        return edges;
    }
}
