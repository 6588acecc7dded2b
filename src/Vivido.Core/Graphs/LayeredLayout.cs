using Vivido.Core.Lifecycles;

namespace Vivido.Core.Graphs;

/// <summary>
/// Places states on a grid: rows by breadth-first rank from the initial state (entry states join the
/// top row, terminal states the bottom row), columns ordered by the barycenter of their neighbours.
/// </summary>
internal sealed class LayeredLayout
{
    private const int Sweeps = 8;

    private LayeredLayout(IReadOnlyList<LayoutNode> nodes, IReadOnlyList<GraphEdge> edges, int rows, int columns)
    {
        Nodes = nodes;
        Edges = edges;
        Rows = rows;
        Columns = columns;
        ByName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<LayoutNode> Nodes { get; }

    public IReadOnlyDictionary<string, LayoutNode> ByName { get; }

    public IReadOnlyList<GraphEdge> Edges { get; }

    public int Rows { get; }

    public int Columns { get; }

    public static LayeredLayout Compute(Lifecycle lifecycle)
    {
        var edges = GraphEdge.Of(lifecycle);
        var nodes = lifecycle.States.Select(s => new LayoutNode(s)).ToList();
        var rows = AssignRows(nodes, edges);
        var columns = nodes.GroupBy(n => n.Row).Max(g => g.Count());
        var layout = new LayeredLayout(nodes, edges, rows, columns);
        layout.OrderColumns();
        return layout;
    }

    private static int AssignRows(List<LayoutNode> nodes, IReadOnlyList<GraphEdge> edges)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        var roots = nodes.Where(n => n.State.Initial).Concat(nodes.Where(n => n.State.Entry is not null)).Concat(nodes);
        foreach (var root in roots.Where(n => !rank.ContainsKey(n.Name)))
        {
            rank[root.Name] = 0;
            var queue = new Queue<string>([root.Name]);
            while (queue.TryDequeue(out var state))
            {
                foreach (var edge in edges.Where(e => e.From == state && !rank.ContainsKey(e.To)))
                {
                    rank[edge.To] = rank[state] + 1;
                    queue.Enqueue(edge.To);
                }
            }
        }

        // Final states read best at the bottom, below everything that leads to them.
        var lastOpen = nodes.Where(n => !n.State.Terminal).Select(n => rank[n.Name]).DefaultIfEmpty(-1).Max();
        foreach (var node in nodes)
        {
            node.Row = node.State.Terminal ? lastOpen + 1 : rank[node.Name];
        }

        // Compact away ranks left empty by moving the terminal states.
        var used = nodes.Select(n => n.Row).Distinct().Order().ToList();
        foreach (var node in nodes)
        {
            node.Row = used.IndexOf(node.Row);
        }

        return used.Count;
    }

    /// <summary>
    /// The main path stays in the first column, straight down; the other states are ordered by the
    /// barycenter of their neighbours, so side states (quarantine, failure) gather beside it.
    /// </summary>
    private void OrderColumns()
    {
        var spine = Spine();
        var rows = Nodes.GroupBy(n => n.Row).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        foreach (var row in rows)
        {
            PlaceInOrder(row, row.Select((n, i) => spine.Contains(n.Name) ? double.MinValue : i).ToList());
        }

        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            var order = sweep % 2 == 0 ? rows : Enumerable.Reverse(rows);
            foreach (var row in order)
            {
                var desired = row.Select(n => spine.Contains(n.Name) ? double.MinValue : Barycenter(n)).ToList();
                var sorted = row.Zip(desired).OrderBy(p => p.Second).ThenBy(p => p.First.Column).ToList();
                PlaceInOrder(sorted.Select(p => p.First).ToList(), sorted.Select(p => p.Second).ToList());
            }
        }
    }

    /// <summary>From the initial state, follow the first declared transition leading further down; files list the happy path first.</summary>
    private HashSet<string> Spine()
    {
        var spine = new HashSet<string>(StringComparer.Ordinal);
        var current = Nodes.FirstOrDefault(n => n.State.Initial);
        while (current is not null && spine.Add(current.Name))
        {
            var from = current;
            current = Edges
                .Where(e => e.From == from.Name)
                .Select(e => ByName[e.To])
                .FirstOrDefault(n => n.Row > from.Row);
        }

        return spine;
    }

    private double Barycenter(LayoutNode node)
    {
        var neighbours = Edges
            .Where(e => e.From != e.To && (e.From == node.Name || e.To == node.Name))
            .Select(e => ByName[e.From == node.Name ? e.To : e.From])
            .Where(n => n.Row != node.Row)
            .ToList();
        return neighbours.Count == 0 ? node.Column : neighbours.Average(n => n.Column);
    }

    /// <summary>Gives the nodes (already in order) distinct columns as close to <paramref name="desired"/> as the grid allows.</summary>
    private void PlaceInOrder(List<LayoutNode> row, List<double> desired)
    {
        var count = row.Count;
        var columns = new int[count];
        for (var i = 0; i < count; i++)
        {
            var wanted = (int)Math.Round(Math.Max(desired[i], 0), MidpointRounding.AwayFromZero);
            columns[i] = Math.Max(wanted, i == 0 ? 0 : columns[i - 1] + 1);
        }

        for (var i = count - 1; i >= 0; i--)
        {
            columns[i] = Math.Min(columns[i], i == count - 1 ? Columns - 1 : columns[i + 1] - 1);
            row[i].Column = columns[i];
        }
    }
}
