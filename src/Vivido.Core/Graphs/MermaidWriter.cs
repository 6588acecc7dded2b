using System.Text;
using Vivido.Core.Lifecycles;

namespace Vivido.Core.Graphs;

/// <summary>Writes a Mermaid <c>stateDiagram-v2</c>: one arrow per (from, event, to), [*] for initial, entry and terminal states.</summary>
internal static class MermaidWriter
{
    public static string Write(Lifecycle lifecycle)
    {
        var text = new StringBuilder();
        text.Append("---\ntitle: ").Append(lifecycle.Name).Append("\n---\nstateDiagram-v2\n");
        foreach (var state in lifecycle.States.Where(s => !IsPlainId(s.Name)))
        {
            text.Append("    state \"").Append(state.Name).Append("\" as ").Append(Id(state.Name)).Append('\n');
        }

        foreach (var state in lifecycle.States.Where(s => s.Initial || s.Entry is not null))
        {
            text.Append("    [*] --> ").Append(Id(state.Name));
            text.Append(state.Entry is { } entry ? $" : {entry}\n" : "\n");
        }

        foreach (var edge in GraphEdge.Of(lifecycle))
        {
            text.Append("    ").Append(Id(edge.From)).Append(" --> ").Append(Id(edge.To)).Append(" : ").Append(edge.Event).Append('\n');
        }

        foreach (var state in lifecycle.States.Where(s => s.Terminal))
        {
            text.Append("    ").Append(Id(state.Name)).Append(" --> [*]\n");
        }

        return text.ToString();
    }

    // Mermaid ids allow letters, digits and '_'; names with '-' or '.' get an alias.
    private static bool IsPlainId(string name) => name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Id(string name) => IsPlainId(name) ? name : "s_" + name.Replace('-', '_').Replace('.', '_');
}
