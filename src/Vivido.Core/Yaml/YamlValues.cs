using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Vivido.Core.Yaml;

/// <summary>Typed reads of YAML scalars; each failure is reported at the node and yields null.</summary>
internal static class YamlValues
{
    public static Located? String(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        if (node is not YamlScalarNode { Value: { } value })
        {
            diagnostics.Add(node, $"expected a string for {what}");
            return null;
        }

        if (value.Length == 0)
        {
            diagnostics.Add(node, $"{what} must not be empty");
            return null;
        }

        return new Located(value, SourcePosition.Of(node));
    }

    public static bool? Bool(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        switch ((node as YamlScalarNode)?.Value)
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                diagnostics.Add(node, $"expected true or false for {what}");
                return null;
        }
    }

    public static long? Int(YamlNode node, string what, long min, DiagnosticBag diagnostics)
    {
        if (node is YamlScalarNode { Value: { } text }
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min)
        {
            return value;
        }

        diagnostics.Add(node, $"expected an integer >= {min} for {what}");
        return null;
    }

    public static double? Double(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        if (node is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        diagnostics.Add(node, $"expected a number for {what}");
        return null;
    }

    public static DateTimeOffset? Timestamp(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        if (node is YamlScalarNode { Value: { } text }
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        diagnostics.Add(node, $"expected a timestamp like 2026-01-01T00:00:00Z for {what}");
        return null;
    }

    /// <summary>A single string or a sequence of strings.</summary>
    public static IReadOnlyList<Located> Names(YamlNode node, string what, DiagnosticBag diagnostics, bool allowEmpty = false)
    {
        if (node is YamlSequenceNode sequence)
        {
            if (sequence.Children.Count == 0 && !allowEmpty)
            {
                diagnostics.Add(node, $"{what} must not be an empty list");
            }

            return sequence.Children
                .Select(item => String(item, what, diagnostics))
                .OfType<Located>()
                .ToList();
        }

        return String(node, what, diagnostics) is { } single ? [single] : [];
    }

    /// <summary>The items of a sequence, or an empty list after reporting that the node is not one.</summary>
    public static IReadOnlyList<YamlNode> Sequence(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        diagnostics.Add(node, $"expected a list for {what}");
        return [];
    }

    /// <summary>A mapping of string keys to string values (e.g. attributes, params).</summary>
    public static IReadOnlyDictionary<string, string> StringMap(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Add(node, $"expected a mapping for {what}");
            return result;
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } text })
            {
                result[name] = text;
            }
            else
            {
                diagnostics.Add(key, $"{what} must map strings to strings");
            }
        }

        return result;
    }
}
