namespace Vivido.Cel.Evaluation;

/// <summary>Iterates the elements of a list or the keys of a map, the ranges of CEL macros.</summary>
internal struct RangeCursor : IDisposable
{
    private readonly CelList? _list;
    private readonly IEnumerator<KeyValuePair<CelValue, CelValue>>? _keys;
    private int _index;

    private RangeCursor(CelList? list, IEnumerator<KeyValuePair<CelValue, CelValue>>? keys)
    {
        _list = list;
        _keys = keys;
    }

    public static bool TryOpen(CelValue range, string macro, out RangeCursor cursor, out CelValue error)
    {
        error = default;
        switch (range.Kind)
        {
            case CelKind.List:
                cursor = new RangeCursor((CelList)range.RawRef!, null);
                return true;
            case CelKind.Map:
                cursor = new RangeCursor(null, ((CelMap)range.RawRef!).Entries.GetEnumerator());
                return true;
            default:
                cursor = default;
                error = range.IsError ? range : Errors.NoMatchingOverload(macro, range);
                return false;
        }
    }

    public bool MoveNext(out CelValue item)
    {
        if (_list is not null)
        {
            if (_index < _list.Count)
            {
                item = _list[_index++];
                return true;
            }
        }
        else if (_keys is not null && _keys.MoveNext())
        {
            item = _keys.Current.Key;
            return true;
        }

        item = default;
        return false;
    }

    public readonly void Dispose() => _keys?.Dispose();
}
