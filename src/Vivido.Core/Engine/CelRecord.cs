using Vivido.Cel;

namespace Vivido.Core.Engine;

/// <summary>A string-keyed CEL map built once per decision; lookups by string key do not allocate.</summary>
internal sealed class CelRecord : CelMap
{
    private readonly Dictionary<string, CelValue> _fields = new(StringComparer.Ordinal);

    public override int Count => _fields.Count;

    public override IEnumerable<KeyValuePair<CelValue, CelValue>> Entries =>
        _fields.Select(f => KeyValuePair.Create(CelValue.String(f.Key), f.Value));

    /// <summary>Adds a field; returns this, for chaining.</summary>
    public CelRecord Add(string name, CelValue value)
    {
        _fields.Add(name, value);
        return this;
    }

    /// <summary>Adds a field only when <paramref name="value"/> is present, so guards test it with has().</summary>
    public CelRecord AddIfPresent<T>(string name, T? value, Func<T, CelValue> convert)
        where T : class
    {
        if (value is not null)
        {
            _fields.Add(name, convert(value));
        }

        return this;
    }

    public override bool TryGetValue(CelValue key, out CelValue value)
    {
        if (key.Kind == CelKind.String)
        {
            return _fields.TryGetValue(key.AsString(), out value);
        }

        value = default;
        return false;
    }

    public CelValue ToValue() => CelValue.Map(this);

    public static CelValue Strings(IReadOnlyDictionary<string, string> entries)
    {
        var map = new CelRecord();
        foreach (var (key, text) in entries)
        {
            map.Add(key, CelValue.String(text));
        }

        return map.ToValue();
    }
}
