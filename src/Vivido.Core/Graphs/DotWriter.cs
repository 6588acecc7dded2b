using System.Text;
using Vivido.Core.Lifecycles;

namespace Vivido.Core.Graphs;

/// <summary>Writes Graphviz DOT: rounded boxes, a point for the start, double borders for terminal states.</summary>
internal static class DotWriter
{
    public static string Write(Lifecycle lifecycle)
    {
        var text = new StringBuilder();
        text.Append("digraph ").Append(Quote(lifecycle.Name)).Append(" {\n");
        text.Append("  rankdir=TB;\n");
        text.Append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        text.Append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        text.Append("  \"__start\" [shape=point, width=0.15, label=\"\"];\n");
        foreach (var state in lifecycle.States)
        {
            var attributes = state switch
            {
                { Terminal: true } => " [peripheries=2]",
                { Entry: not null } => " [style=\"rounded,dashed\"]",
                { Initial: true } => " [penwidth=2]",
                _ => "",
            };
            text.Append("  ").Append(Quote(state.Name)).Append(attributes).Append(";\n");
        }

        foreach (var state in lifecycle.States.Where(s => s.Initial))
        {
            text.Append("  \"__start\" -> ").Append(Quote(state.Name)).Append(";\n");
        }

        foreach (var state in lifecycle.States.Where(s => s.Entry is not null))
        {
            var entry = Quote("__entry_" + state.Name);
            text.Append("  ").Append(entry).Append(" [shape=point, width=0.15, label=\"\"];\n");
            text.Append("  ").Append(entry).Append(" -> ").Append(Quote(state.Name))
                .Append(" [label=").Append(Quote(state.Entry!)).Append(", style=dashed];\n");
        }

        foreach (var edge in GraphEdge.Of(lifecycle))
        {
            text.Append("  ").Append(Quote(edge.From)).Append(" -> ").Append(Quote(edge.To))
                .Append(" [label=").Append(Quote(edge.Event)).Append("];\n");
        }

        return text.Append("}\n").ToString();
    }

    private static string Quote(string id) => "\"" + id.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
