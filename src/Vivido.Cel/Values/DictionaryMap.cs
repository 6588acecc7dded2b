namespace Vivido.Cel.Values;

/// <summary>
/// An insertion-ordered CEL map. String keys (the common case: JSON-like records) live in their own
/// ordinal dictionary; other keys are looked up with CEL equality, so 1, 1u and 1.0 find one entry.
/// Lookups do not allocate.
/// </summary>
internal sealed class DictionaryMap : CelMap
{
    private readonly Dictionary<string, int> _strings;
    private readonly List<KeyValuePair<CelValue, CelValue>> _order;
    private Dictionary<CelValue, int>? _others;

    public DictionaryMap(int capacity = 0)
    {
        _strings = new Dictionary<string, int>(capacity);
        _order = new List<KeyValuePair<CelValue, CelValue>>(capacity);
    }

    public override int Count => _order.Count;

    public override IEnumerable<KeyValuePair<CelValue, CelValue>> Entries => _order;

    public override bool TryGetValue(CelValue key, out CelValue value)
    {
        var index = -1;
        var found = key.Kind == CelKind.String
            ? _strings.TryGetValue((string)key.RawRef!, out index)
            : _others is not null && _others.TryGetValue(key, out index);
        value = found ? _order[index].Value : default;
        return found;
    }

    /// <summary>Adds a key; returns false (and changes nothing) when an equal key exists.</summary>
    public bool TryAdd(CelValue key, CelValue value)
    {
        var index = _order.Count;
        var added = key.Kind == CelKind.String
            ? _strings.TryAdd((string)key.RawRef!, index)
            : (_others ??= []).TryAdd(key, index);
        if (added)
        {
            _order.Add(new(key, value));
        }

        return added;
    }

    /// <summary>Adds or replaces a key.</summary>
    public void Set(CelValue key, CelValue value)
    {
        if (TryAdd(key, value))
        {
            return;
        }

        var index = key.Kind == CelKind.String ? _strings[(string)key.RawRef!] : _others![key];
        _order[index] = new(_order[index].Key, value);
    }
}
