using System.Globalization;
using System.Xml.Linq;
using Vivido.Core.Graphs;
using Vivido.Core.Lifecycles;
using Vivido.Testing;

namespace Vivido.Core.Tests.Graphs;

public class LifecycleGraphTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const string Small = """
        apiVersion: vivido.dev/v1
        kind: Lifecycle
        metadata: { name: small }
        states:
          - { name: Building, initial: true }
          - { name: Active }
          - { name: Legacy-Image, entry: import }
          - { name: Retired, terminal: true }
        transitions:
          - { event: promote, from: Building, to: Active }
          - { event: adopt, from: Legacy-Image, to: [Active, Retired] }
          - { event: retire, from: "*", to: Retired }
        """;

    [Fact]
    public void Render_Mermaid_OneArrowPerRowWithStartAndEndMarkers() =>
        LifecycleGraph.Render(LoadSmall(), GraphFormat.Mermaid).ShouldBe("""
            ---
            title: small
            ---
            stateDiagram-v2
                state "Legacy-Image" as s_Legacy_Image
                [*] --> Building
                [*] --> s_Legacy_Image : import
                Building --> Active : promote
                s_Legacy_Image --> Active : adopt
                s_Legacy_Image --> Retired : adopt
                Building --> Retired : retire
                Active --> Retired : retire
                s_Legacy_Image --> Retired : retire
                Retired --> [*]

            """.Replace("\r\n", "\n", StringComparison.Ordinal));

    [Fact]
    public void Render_Dot_DeclaresStatesAndLabelledEdges()
    {
        var dot = LifecycleGraph.Render(LoadSmall(), GraphFormat.Dot);

        dot.ShouldStartWith("digraph \"small\" {\n");
        dot.ShouldContain("  \"__start\" -> \"Building\";\n");
        dot.ShouldContain("  \"Retired\" [peripheries=2];\n");
        dot.ShouldContain("  \"__entry_Legacy-Image\" -> \"Legacy-Image\" [label=\"import\", style=dashed];\n");
        dot.ShouldContain("  \"Building\" -> \"Active\" [label=\"promote\"];\n");
        dot.Split('\n').Count(l => l.Contains("[label=\"retire\"]", StringComparison.Ordinal)).ShouldBe(3);
        dot.ShouldEndWith("}\n");
    }

    [Theory]
    [InlineData("default.yaml", 9, 20)]
    [InlineData("canary.yaml", 10, 23)]
    [InlineData("approvals.yaml", 10, 24)]
    public void Render_Svg_IsWellFormedWithABoxPerStateAndAnArrowPerRow(string file, int states, int arrows)
    {
        var lifecycle = LifecycleLoader.LoadFile(TestPaths.InRepo("lifecycles", file)).Lifecycle!;

        var svg = XDocument.Parse(LifecycleGraph.Render(lifecycle, GraphFormat.Svg));

        svg.Root!.Name.ShouldBe(Svg + "svg");
        Boxes(svg).Count.ShouldBe(states);
        Arrows(svg).Count.ShouldBe(arrows);
        svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "transition-label").Count().ShouldBe(arrows);
        svg.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "terminal-mark")
            .ShouldBe(lifecycle.States.Count(s => s.Terminal));
    }

    [Theory]
    [InlineData("default.yaml")]
    [InlineData("canary.yaml")]
    [InlineData("approvals.yaml")]
    public void Render_Svg_ArrowsNeverCrossBoxesAndLabelsNeverOverlap(string file)
    {
        var svg = XDocument.Parse(LifecycleGraph.Render(LifecycleLoader.LoadFile(TestPaths.InRepo("lifecycles", file)).Lifecycle!, GraphFormat.Svg));
        var boxes = Boxes(svg);

        foreach (var (name, points) in Arrows(svg))
        {
            for (var i = 1; i < points.Count; i++)
            {
                var (a, b) = (points[i - 1], points[i]);
                (a.X == b.X || a.Y == b.Y).ShouldBeTrue($"{name}: segments are horizontal or vertical");
                boxes.ShouldNotContain(box => Crosses(box, a, b), $"{name} crosses a box");
            }
        }

        var labels = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "transition-label")
            .Select(g => Rect(g.Element(Svg + "rect")!)).ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            labels.Skip(i + 1).ShouldNotContain(other => Overlaps(labels[i], other), "labels overlap");
            boxes.ShouldNotContain(box => Overlaps(labels[i], box), "a label covers a box");
        }
    }

    [Fact]
    public void Render_Svg_InitialEntryAndTerminalStatesAreMarked()
    {
        var svg = XDocument.Parse(LifecycleGraph.Render(LoadSmall(), GraphFormat.Svg));
        string[] captions = [.. svg.Descendants(Svg + "text").Select(t => t.Value)];

        captions.ShouldContain("initial");
        captions.ShouldContain("entry: import");
        captions.ShouldContain("terminal");
        svg.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("class") == "state" && (string?)r.Parent!.Attribute("data-state") == "Legacy-Image")
            .Attribute("stroke-dasharray").ShouldNotBeNull();
    }

    private static Lifecycle LoadSmall() => LifecycleLoader.Load(Small, "small.yaml").Lifecycle!;

    private static List<(double X, double Y, double W, double H)> Boxes(XDocument svg) =>
        svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "state").Select(Rect).ToList();

    private static List<(string Name, List<(double X, double Y)> Points)> Arrows(XDocument svg) =>
        svg.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "transition")
            .Select(p => ($"{p.Attribute("data-from")!.Value} --{p.Attribute("data-event")!.Value}--> {p.Attribute("data-to")!.Value}",
                p.Attribute("d")!.Value.Split(' ').Select(Point).ToList()))
            .ToList();

    private static (double X, double Y) Point(string token)
    {
        var parts = token.TrimStart('M', 'L').Split(',');
        return (Number(parts[0]), Number(parts[1]));
    }

    private static (double X, double Y, double W, double H) Rect(XElement rect) =>
        (Number(rect.Attribute("x")!.Value), Number(rect.Attribute("y")!.Value), Number(rect.Attribute("width")!.Value), Number(rect.Attribute("height")!.Value));

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>True when an axis-parallel segment enters a box's interior (touching its border at a port is fine).</summary>
    private static bool Crosses((double X, double Y, double W, double H) box, (double X, double Y) a, (double X, double Y) b)
    {
        const double Inset = 0.5;
        var (left, right, top, bottom) = (box.X + Inset, box.X + box.W - Inset, box.Y + Inset, box.Y + box.H - Inset);
        var (minX, maxX, minY, maxY) = (Math.Min(a.X, b.X), Math.Max(a.X, b.X), Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y));
        return minX < right && maxX > left && minY < bottom && maxY > top;
    }

    private static bool Overlaps((double X, double Y, double W, double H) a, (double X, double Y, double W, double H) b) =>
        a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
}
