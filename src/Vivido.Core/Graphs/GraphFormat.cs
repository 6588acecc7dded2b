namespace Vivido.Core.Graphs;

/// <summary>Output formats of <see cref="LifecycleGraph.Render"/>.</summary>
public enum GraphFormat
{
    /// <summary>Mermaid <c>stateDiagram-v2</c> text.</summary>
    Mermaid,

    /// <summary>Graphviz DOT text.</summary>
    Dot,

    /// <summary>A standalone SVG document drawn by Vivido.</summary>
    Svg,
}
