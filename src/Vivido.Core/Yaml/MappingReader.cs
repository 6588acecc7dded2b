using YamlDotNet.RepresentationModel;

namespace Vivido.Core.Yaml;

/// <summary>
/// Reads one YAML mapping with a fixed set of keys: reports unknown keys when opened and missing
/// required keys when asked for them, each at the offending node.
/// </summary>
internal sealed class MappingReader
{
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    private MappingReader(YamlMappingNode node, string what, DiagnosticBag diagnostics)
    {
        _node = node;
        What = what;
        Diagnostics = diagnostics;
    }

    /// <summary>What the mapping is, as named in messages (e.g. "transition 'promote'").</summary>
    public string What { get; }

    public DiagnosticBag Diagnostics { get; }

    public SourcePosition Position => SourcePosition.Of(_node);

    /// <summary>Opens <paramref name="node"/> as a mapping, or reports that it is not one and returns null.</summary>
    public static MappingReader? Open(YamlNode node, string what, DiagnosticBag diagnostics, params string[] keys)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Add(node, $"expected a mapping for {what}");
            return null;
        }

        var reader = new MappingReader(mapping, what, diagnostics);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                diagnostics.Add(key, $"keys in {what} must be plain strings");
            }
            else if (Array.IndexOf(keys, name) < 0)
            {
                diagnostics.Add(key, $"unknown key '{name}' in {what} (expected one of: {string.Join(", ", keys)})");
            }
            else
            {
                reader._values[name] = value;
            }
        }

        return reader;
    }

    public YamlNode? Optional(string key) => _values.GetValueOrDefault(key);

    public YamlNode? Required(string key)
    {
        var value = Optional(key);
        if (value is null)
        {
            Diagnostics.Add(Position, $"missing required field '{key}' in {What}");
        }

        return value;
    }

    public Located? String(string key, bool required) =>
        (required ? Required(key) : Optional(key)) is { } node ? YamlValues.String(node, $"'{key}'", Diagnostics) : null;

    public bool Bool(string key) =>
        Optional(key) is { } node && YamlValues.Bool(node, $"'{key}'", Diagnostics) == true;
}
