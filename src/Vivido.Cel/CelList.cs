namespace Vivido.Cel;

/// <summary>A CEL list. Host code may subclass it to expose lazy views without copying.</summary>
public abstract class CelList
{
    /// <summary>Number of elements.</summary>
    public abstract int Count { get; }

    /// <summary>The element at <paramref name="index"/> (0-based).</summary>
    public abstract CelValue this[int index] { get; }
}
