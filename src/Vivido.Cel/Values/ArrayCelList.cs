namespace Vivido.Cel.Values;

/// <summary>A CEL list built by the evaluator over an exclusively owned array.</summary>
internal sealed class ArrayCelList(CelValue[] items) : CelList
{
    public static readonly ArrayCelList Empty = new([]);

    public override int Count => items.Length;

    public override CelValue this[int index] => items[index];
}
