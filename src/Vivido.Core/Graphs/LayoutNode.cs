using Vivido.Core.Lifecycles;

namespace Vivido.Core.Graphs;

/// <summary>A state's box in the layered layout: grid cell first, then coordinates.</summary>
internal sealed class LayoutNode(StateDefinition state)
{
    public StateDefinition State { get; } = state;

    public string Name => State.Name;

    public int Row { get; set; }

    public int Column { get; set; }

    public double X { get; set; }

    public double Y { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public double CenterX => X + (Width / 2);

    public double Bottom => Y + Height;
}
