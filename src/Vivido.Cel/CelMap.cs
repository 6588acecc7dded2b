namespace Vivido.Cel;

/// <summary>A CEL map. Host code may subclass it; lookups with string keys must not allocate.</summary>
public abstract class CelMap
{
    /// <summary>Number of entries.</summary>
    public abstract int Count { get; }

    /// <summary>Looks a key up using CEL equality (1, 1u and 1.0 find the same entry).</summary>
    public abstract bool TryGetValue(CelValue key, out CelValue value);

    /// <summary>All entries, in the map's iteration order.</summary>
    public abstract IEnumerable<KeyValuePair<CelValue, CelValue>> Entries { get; }
}
