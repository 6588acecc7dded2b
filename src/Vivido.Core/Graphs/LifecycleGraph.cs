using Vivido.Core.Lifecycles;

namespace Vivido.Core.Graphs;

/// <summary>Renders a lifecycle as a diagram: one box per state, one labelled arrow per (from, event, to).</summary>
public static class LifecycleGraph
{
    public static string Render(Lifecycle lifecycle, GraphFormat format)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        return format switch
        {
            GraphFormat.Mermaid => MermaidWriter.Write(lifecycle),
            GraphFormat.Dot => DotWriter.Write(lifecycle),
            GraphFormat.Svg => SvgWriter.Write(lifecycle),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown graph format"),
        };
    }
}
