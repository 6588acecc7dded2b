namespace Vivido.Core.Graphs;

/// <summary>
/// Routes every edge orthogonally: out of a box's top or bottom, along a track of the horizontal
/// channel between rows, and when it must change rows down a lane in a gap between columns. Tracks
/// and lanes are allotted so that no two segments (or labels) share one, and boxes are never crossed.
/// </summary>
internal sealed class EdgeRouter(LayeredLayout layout)
{
    private readonly List<RoutedEdge> _routes = layout.Edges.Select(e => new RoutedEdge(e)).ToList();

    public IReadOnlyList<RoutedEdge> Routes => _routes;

    public double Width { get; private set; }

    public double Height { get; private set; }

    public void Route()
    {
        ChooseChannels();
        var gapWidths = AssignLanes();
        PlaceColumns(gapWidths);
        AssignPorts();
        var channelHeights = AssignTracks();
        PlaceRows(channelHeights, out var channelTops);
        BuildPoints(channelTops);
    }

    private LayoutNode From(RoutedEdge r) => layout.ByName[r.Edge.From];

    private LayoutNode To(RoutedEdge r) => layout.ByName[r.Edge.To];

    private void ChooseChannels()
    {
        foreach (var r in _routes)
        {
            // Within a row, routes go through the channel below it, which is quieter than the one above
            // (edges from the row before fan out there).
            var (from, to) = (From(r).Row, To(r).Row);
            r.LeavesBottom = to >= from;
            r.EntersTop = to > from;
            r.SourceChannel = to >= from ? from + 1 : from;
            r.TargetChannel = to > from ? to : to + 1;
            if (r.NeedsLane)
            {
                var (a, b) = (From(r).Column, To(r).Column);
                r.Gap = Enumerable.Range(0, layout.Columns + 1)
                    .OrderBy(g => Math.Abs(g - 0.5 - a) + Math.Abs(g - 0.5 - b))
                    .ThenBy(g => g)
                    .First();
            }
        }
    }

    /// <summary>Lanes in one gap are shared by routes whose channel spans do not overlap.</summary>
    private double[] AssignLanes()
    {
        var widths = new double[layout.Columns + 1];
        foreach (var gap in _routes.Where(r => r.NeedsLane).GroupBy(r => r.Gap))
        {
            var laneEnds = new List<int>();
            foreach (var r in gap.OrderBy(r => Math.Min(r.SourceChannel, r.TargetChannel)).ThenBy(r => r.Edge.Index))
            {
                var (low, high) = (Math.Min(r.SourceChannel, r.TargetChannel), Math.Max(r.SourceChannel, r.TargetChannel));
                var lane = laneEnds.FindIndex(end => end < low);
                if (lane < 0)
                {
                    lane = laneEnds.Count;
                    laneEnds.Add(high);
                }

                laneEnds[lane] = high;
                r.Lane = lane;
            }

            widths[gap.Key] = (laneEnds.Count + 1) * GraphMetrics.LaneSpacing;
        }

        for (var g = 0; g < widths.Length; g++)
        {
            var outer = g == 0 || g == layout.Columns;
            widths[g] = Math.Max(widths[g], outer ? GraphMetrics.MinOuterGap : GraphMetrics.MinInnerGap);
        }

        return widths;
    }

    private void PlaceColumns(double[] gapWidths)
    {
        var boxWidth = layout.Nodes.Max(n => Math.Max(
            GraphMetrics.MinBoxWidth,
            GraphMetrics.TextWidth(n.Name, GraphMetrics.StateFontSize) + (2 * GraphMetrics.BoxPadding) + 12));
        var gapLeft = new double[gapWidths.Length];
        var x = 0.0;
        for (var g = 0; g < gapWidths.Length; g++)
        {
            gapLeft[g] = x;
            x += gapWidths[g] + boxWidth;
        }

        Width = x - boxWidth;
        foreach (var node in layout.Nodes)
        {
            node.Width = boxWidth;
            node.Height = GraphMetrics.BoxHeight;
            node.X = gapLeft[node.Column] + gapWidths[node.Column];
        }

        foreach (var gap in _routes.Where(r => r.NeedsLane).GroupBy(r => r.Gap))
        {
            var lanes = gap.Max(r => r.Lane) + 1;
            var first = gapLeft[gap.Key] + ((gapWidths[gap.Key] - ((lanes - 1) * GraphMetrics.LaneSpacing)) / 2);
            foreach (var r in gap)
            {
                r.LaneX = first + (r.Lane * GraphMetrics.LaneSpacing);
            }
        }
    }

    /// <summary>Spreads the routes touching one side of a box along it, ordered by where they head, to avoid crossings.</summary>
    private void AssignPorts()
    {
        var ends = _routes.SelectMany(r => new[]
        {
            new PortEnd(From(r), r.LeavesBottom, r, true, r.NeedsLane ? r.LaneX : To(r).CenterX),
            new PortEnd(To(r), !r.EntersTop, r, false, r.NeedsLane ? r.LaneX : From(r).CenterX),
        });
        var sides = new Dictionary<(string, bool), List<PortEnd>>();
        foreach (var side in ends.GroupBy(e => (e.Node.Name, e.Bottom)))
        {
            var ordered = side.OrderBy(e => e.Toward).ThenBy(e => e.Route.Edge.Index).ThenBy(e => e.Source).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].X = ordered[i].Node.X + ((i + 1) * ordered[i].Node.Width / (ordered.Count + 1));
            }

            sides[side.Key] = ordered;
        }

        foreach (var end in sides.Values.SelectMany(s => s))
        {
            if (end.Source)
            {
                end.Route.SourcePortX = end.X;
            }
            else
            {
                end.Route.TargetPortX = end.X;
            }
        }

        StraightenVerticals(sides);
    }

    /// <summary>A route between boxes of one column goes straight down when both its ports can meet without crowding their neighbours.</summary>
    private void StraightenVerticals(Dictionary<(string, bool), List<PortEnd>> sides)
    {
        const double MinSpacing = 10;
        foreach (var r in _routes.Where(r => !r.NeedsLane && From(r).Column == To(r).Column && r.Edge.From != r.Edge.To))
        {
            var x = (r.SourcePortX + r.TargetPortX) / 2;
            var source = sides[(r.Edge.From, r.LeavesBottom)];
            var target = sides[(r.Edge.To, !r.EntersTop)];
            if (Fits(source, source.FindIndex(e => e.Route == r && e.Source), x) && Fits(target, target.FindIndex(e => e.Route == r && !e.Source), x))
            {
                r.SourcePortX = r.TargetPortX = x;
                source.Find(e => e.Route == r && e.Source)!.X = x;
                target.Find(e => e.Route == r && !e.Source)!.X = x;
            }
        }

        static bool Fits(List<PortEnd> side, int index, double x) =>
            (index == 0 || side[index - 1].X + MinSpacing <= x)
            && (index == side.Count - 1 || side[index + 1].X - MinSpacing >= x);
    }

    private sealed class PortEnd(LayoutNode node, bool bottom, RoutedEdge route, bool source, double toward)
    {
        public LayoutNode Node { get; } = node;

        public bool Bottom { get; } = bottom;

        public RoutedEdge Route { get; } = route;

        public bool Source { get; } = source;

        public double Toward { get; } = toward;

        public double X { get; set; }
    }

    private double[] AssignTracks()
    {
        var segments = new List<(int Channel, double Low, double High, RoutedEdge Route, bool Source)>();
        foreach (var r in _routes)
        {
            r.LabelWidth = GraphMetrics.TextWidth(r.Edge.Event, GraphMetrics.LabelFontSize) + (2 * GraphMetrics.LabelPadding);
            var end = r.NeedsLane ? r.LaneX : r.TargetPortX;
            r.LabelX = (r.SourcePortX + end) / 2;
            var half = (r.LabelWidth / 2) + GraphMetrics.LabelPadding;
            segments.Add((r.SourceChannel, Math.Min(Math.Min(r.SourcePortX, end), r.LabelX - half), Math.Max(Math.Max(r.SourcePortX, end), r.LabelX + half), r, true));
            if (r.NeedsLane)
            {
                segments.Add((r.TargetChannel, Math.Min(r.LaneX, r.TargetPortX), Math.Max(r.LaneX, r.TargetPortX), r, false));
            }
        }

        var heights = new double[layout.Rows + 1];
        foreach (var channel in segments.GroupBy(s => s.Channel))
        {
            var trackEnds = new List<double>();
            foreach (var (_, low, high, route, source) in channel.OrderBy(s => s.Low).ThenBy(s => s.Route.Edge.Index))
            {
                var track = trackEnds.FindIndex(end => end + GraphMetrics.LabelPadding < low);
                if (track < 0)
                {
                    track = trackEnds.Count;
                    trackEnds.Add(high);
                }

                trackEnds[track] = high;
                if (source)
                {
                    route.SourceTrack = track;
                }
                else
                {
                    route.TargetTrack = track;
                }
            }

            heights[channel.Key] = (trackEnds.Count + 1) * GraphMetrics.TrackSpacing;
        }

        return heights.Select(h => Math.Max(h, GraphMetrics.MinChannel)).ToArray();
    }

    private void PlaceRows(double[] channelHeights, out double[] channelTops)
    {
        channelTops = new double[channelHeights.Length];
        var y = 0.0;
        for (var k = 0; k < channelHeights.Length; k++)
        {
            channelTops[k] = y;
            y += channelHeights[k];
            foreach (var node in layout.Nodes.Where(n => n.Row == k))
            {
                node.Y = y;
            }

            y += k < layout.Rows ? GraphMetrics.BoxHeight : 0;
        }

        Height = y;
    }

    private void BuildPoints(double[] channelTops)
    {
        foreach (var r in _routes)
        {
            var from = From(r);
            var to = To(r);
            var sourceY = channelTops[r.SourceChannel] + ((r.SourceTrack + 1) * GraphMetrics.TrackSpacing);
            var targetY = r.NeedsLane ? channelTops[r.TargetChannel] + ((r.TargetTrack + 1) * GraphMetrics.TrackSpacing) : sourceY;
            r.Points.Add((r.SourcePortX, r.LeavesBottom ? from.Bottom : from.Y));
            r.Points.Add((r.SourcePortX, sourceY));
            if (r.NeedsLane)
            {
                r.Points.Add((r.LaneX, sourceY));
                r.Points.Add((r.LaneX, targetY));
            }

            r.Points.Add((r.TargetPortX, targetY));
            r.Points.Add((r.TargetPortX, r.EntersTop ? to.Y : to.Bottom));
            r.LabelY = sourceY;
        }
    }
}
