using System.Globalization;
using System.Text;
using System.Xml;
using Vivido.Core.Lifecycles;

namespace Vivido.Core.Graphs;

/// <summary>Draws a lifecycle as a standalone SVG: rounded boxes on a layered grid, orthogonal labelled arrows.</summary>
internal static class SvgWriter
{
    private const string Ns = "http://www.w3.org/2000/svg";
    private const string Fonts = "'DejaVu Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif";

    // Distinct, dark enough for text on white; an edge's arrow and label share a colour.
    private static readonly string[] Palette = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#2c7a7b", "#975a16", "#4a5568", "#c53030"];

    public static string Write(Lifecycle lifecycle)
    {
        var layout = LayeredLayout.Compute(lifecycle);
        var router = new EdgeRouter(layout);
        router.Route();

        var minX = router.Routes.Select(r => r.LabelX - (r.LabelWidth / 2)).Append(0).Min() - GraphMetrics.Margin;
        var maxX = router.Routes.Select(r => r.LabelX + (r.LabelWidth / 2)).Append(router.Width).Max() + GraphMetrics.Margin;
        var (minY, maxY) = (-GraphMetrics.Margin - 22, router.Height + GraphMetrics.Margin);

        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartElement("svg", Ns);
            xml.WriteAttributeString("viewBox", $"{F(minX)} {F(minY)} {F(maxX - minX)} {F(maxY - minY)}");
            xml.WriteAttributeString("width", F(maxX - minX));
            xml.WriteAttributeString("height", F(maxY - minY));
            xml.WriteAttributeString("font-family", Fonts);
            Element(xml, "title", $"Lifecycle {lifecycle.Name}");
            WriteMarkers(xml);
            xml.WriteStartElement("rect", Ns);
            Attributes(xml, ("x", F(minX)), ("y", F(minY)), ("width", F(maxX - minX)), ("height", F(maxY - minY)), ("fill", "#ffffff"));
            xml.WriteEndElement();
            Text(xml, minX + GraphMetrics.Margin, minY + 22, $"lifecycle: {lifecycle.Name}", ("font-size", "13"), ("fill", "#4a5568"));

            foreach (var route in router.Routes)
            {
                WriteArrow(xml, route);
            }

            foreach (var node in layout.Nodes)
            {
                WriteState(xml, node);
            }

            foreach (var route in router.Routes)
            {
                WriteLabel(xml, route);
            }

            xml.WriteEndElement();
        }

        return text.ToString() + "\n";
    }

    private static string Colour(RoutedEdge route) => Palette[route.Edge.Index % Palette.Length];

    private static void WriteMarkers(XmlWriter xml)
    {
        xml.WriteStartElement("defs", Ns);
        for (var i = 0; i < Palette.Length; i++)
        {
            xml.WriteStartElement("marker", Ns);
            Attributes(xml, ("id", $"arrow{i}"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"),
                ("markerWidth", "7"), ("markerHeight", "7"), ("orient", "auto-start-reverse"));
            xml.WriteStartElement("path", Ns);
            Attributes(xml, ("d", "M0,0 L10,5 L0,10 z"), ("fill", Palette[i]));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteArrow(XmlWriter xml, RoutedEdge route)
    {
        var path = new StringBuilder();
        foreach (var (x, y) in route.Points)
        {
            path.Append(path.Length == 0 ? "M" : " L").Append(F(x)).Append(',').Append(F(y));
        }

        xml.WriteStartElement("path", Ns);
        Attributes(xml, ("class", "transition"), ("data-event", route.Edge.Event), ("data-from", route.Edge.From), ("data-to", route.Edge.To),
            ("d", path.ToString()), ("fill", "none"), ("stroke", Colour(route)), ("stroke-width", "1.6"),
            ("stroke-linejoin", "round"), ("marker-end", $"url(#arrow{route.Edge.Index % Palette.Length})"));
        xml.WriteEndElement();
    }

    private static void WriteLabel(XmlWriter xml, RoutedEdge route)
    {
        var height = GraphMetrics.LabelFontSize + 6;
        xml.WriteStartElement("g", Ns);
        Attributes(xml, ("class", "transition-label"));
        xml.WriteStartElement("rect", Ns);
        Attributes(xml, ("x", F(route.LabelX - (route.LabelWidth / 2))), ("y", F(route.LabelY - (height / 2))),
            ("width", F(route.LabelWidth)), ("height", F(height)), ("rx", "3"),
            ("fill", "#ffffff"), ("stroke", Colour(route)), ("stroke-width", "0.6"));
        xml.WriteEndElement();
        Text(xml, route.LabelX, route.LabelY + 4, route.Edge.Event,
            ("font-size", F(GraphMetrics.LabelFontSize)), ("text-anchor", "middle"), ("fill", Colour(route)));
        xml.WriteEndElement();
    }

    private static void WriteState(XmlWriter xml, LayoutNode node)
    {
        var state = node.State;
        var (fill, stroke, width) = state switch
        {
            { Initial: true } => ("#e6f4ea", "#2f855a", "2.5"),
            { Terminal: true } => ("#edf2f7", "#4a5568", "1.5"),
            _ => ("#f7fafc", "#4a5568", "1.5"),
        };
        xml.WriteStartElement("g", Ns);
        Attributes(xml, ("class", "state-node"), ("data-state", state.Name));
        Rect(xml, "state", node.X, node.Y, node.Width, node.Height, 10, fill, stroke, width, state.Entry is null ? null : "5 3");
        if (state.Terminal)
        {
            Rect(xml, "terminal-mark", node.X + 4, node.Y + 4, node.Width - 8, node.Height - 8, 7, "none", stroke, "1", null);
        }

        var captionY = node.Y + node.Height - 9;
        var nameY = state.Initial || state.Entry is not null || state.Terminal ? node.Y + 20 : node.Y + (node.Height / 2) + 5;
        Text(xml, node.CenterX, nameY, state.Name, ("font-size", F(GraphMetrics.StateFontSize)), ("text-anchor", "middle"),
            ("font-weight", "600"), ("fill", "#1a202c"));
        var caption = state switch
        {
            { Initial: true } => "initial",
            { Entry: { } entry } => $"entry: {entry}",
            { Terminal: true } => "terminal",
            _ => null,
        };
        if (caption is not null)
        {
            Text(xml, node.CenterX, captionY, caption, ("font-size", "10"), ("text-anchor", "middle"), ("fill", stroke), ("font-style", "italic"));
        }

        xml.WriteEndElement();
    }

    private static void Rect(XmlWriter xml, string cssClass, double x, double y, double w, double h, double radius, string fill, string stroke, string strokeWidth, string? dash)
    {
        xml.WriteStartElement("rect", Ns);
        Attributes(xml, ("class", cssClass), ("x", F(x)), ("y", F(y)), ("width", F(w)), ("height", F(h)), ("rx", F(radius)),
            ("fill", fill), ("stroke", stroke), ("stroke-width", strokeWidth));
        if (dash is not null)
        {
            xml.WriteAttributeString("stroke-dasharray", dash);
        }

        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, double x, double y, string content, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement("text", Ns);
        Attributes(xml, ("x", F(x)), ("y", F(y)));
        Attributes(xml, attributes);
        xml.WriteString(content);
        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string content)
    {
        xml.WriteStartElement(name, Ns);
        xml.WriteString(content);
        xml.WriteEndElement();
    }

    private static void Attributes(XmlWriter xml, params (string Name, string Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            xml.WriteAttributeString(name, value);
        }
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
