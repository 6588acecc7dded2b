namespace Vivido.Cel.Evaluation;

/// <summary>Cheap size estimates used to charge evaluation cost.</summary>
internal static class Sizes
{
    /// <summary>Element count of a list or map, length of a string or bytes, else 1.</summary>
    public static long Shallow(CelValue value) => value.Kind switch
    {
        CelKind.List => ((CelList)value.RawRef!).Count,
        CelKind.Map => ((CelMap)value.RawRef!).Count,
        CelKind.String => ((string)value.RawRef!).Length,
        CelKind.Bytes => ((byte[])value.RawRef!).Length,
        _ => 1,
    };
}
