namespace Vivido.Core.Graphs;

/// <summary>An edge's orthogonal route through the channels between boxes, with where its label goes.</summary>
internal sealed class RoutedEdge(GraphEdge edge)
{
    public GraphEdge Edge { get; } = edge;

    /// <summary>Horizontal channel the route leaves the source through (channel k lies above row k).</summary>
    public int SourceChannel { get; set; }

    public int TargetChannel { get; set; }

    public bool LeavesBottom { get; set; }

    public bool EntersTop { get; set; }

    /// <summary>The column gap used to change channels, or -1 when one channel suffices.</summary>
    public int Gap { get; set; } = -1;

    public int Lane { get; set; }

    public double LaneX { get; set; }

    public double SourcePortX { get; set; }

    public double TargetPortX { get; set; }

    public int SourceTrack { get; set; }

    public int TargetTrack { get; set; }

    public double LabelWidth { get; set; }

    public double LabelX { get; set; }

    public double LabelY { get; set; }

    public List<(double X, double Y)> Points { get; } = [];

    public bool NeedsLane => SourceChannel != TargetChannel;
}
