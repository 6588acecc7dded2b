namespace Vivido.Cel.Values;

/// <summary>Presents a host <see cref="IReadOnlyList{T}"/> as a CEL list without copying.</summary>
internal sealed class ReadOnlyListAdapter(IReadOnlyList<CelValue> items) : CelList
{
    public override int Count => items.Count;

    public override CelValue this[int index] => items[index];
}
