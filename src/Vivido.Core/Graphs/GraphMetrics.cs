namespace Vivido.Core.Graphs;

/// <summary>Sizes used by the SVG layout; text widths are estimated, as no font metrics are at hand.</summary>
internal static class GraphMetrics
{
    public const double StateFontSize = 14;
    public const double LabelFontSize = 12;
    public const double BoxHeight = 44;
    public const double BoxPadding = 22;
    public const double MinBoxWidth = 120;
    public const double TrackSpacing = 22;
    public const double LaneSpacing = 16;
    public const double MinInnerGap = 56;
    public const double MinOuterGap = 28;
    public const double MinChannel = 34;
    public const double LabelPadding = 5;
    public const double Margin = 16;

    /// <summary>A generous average glyph width for common sans-serif fonts (DejaVu Sans is among the widest).</summary>
    public static double TextWidth(string text, double fontSize) => text.Length * fontSize * 0.62;
}
