namespace Vivido.Cel.Tests.Conformance;

/// <summary>
/// A text-format message: its fields in source order. Repeated fields (including list syntax
/// <c>f: [a, b]</c>) appear as one entry per element.
/// </summary>
internal sealed class TextProtoMessage : TextProtoValue
{
    public TextProtoMessage(IReadOnlyList<TextProtoField> fields, int line)
        : base(line) => Fields = fields;

    public IReadOnlyList<TextProtoField> Fields { get; }

    public bool Has(string name) => Fields.Any(f => f.Name == name);

    /// <summary>Every value of a (repeated) field, in order.</summary>
    public IEnumerable<TextProtoValue> All(string name) => Fields.Where(f => f.Name == name).Select(f => f.Value);

    /// <summary>Every value of a repeated message field, in order.</summary>
    public IEnumerable<TextProtoMessage> Messages(string name) => All(name).Select(v => AsMessage(name, v));

    /// <summary>The value of a singular field, or null when absent; a repeated occurrence is an error.</summary>
    public TextProtoValue? Single(string name)
    {
        TextProtoValue? found = null;
        foreach (var value in All(name))
        {
            if (found is not null)
            {
                throw new TextProtoFormatException($"line {value.Line}: field '{name}' is set more than once");
            }

            found = value;
        }

        return found;
    }

    public TextProtoMessage? Message(string name) => Single(name) is { } value ? AsMessage(name, value) : null;

    public TextProtoScalar? Scalar(string name) => Single(name) switch
    {
        null => null,
        TextProtoScalar scalar => scalar,
        var other => throw new TextProtoFormatException($"line {other.Line}: field '{name}' is a message, expected a scalar"),
    };

    /// <summary>A string field, or <paramref name="fallback"/> when absent (proto3 default).</summary>
    public string String(string name, string fallback = "") => Scalar(name)?.AsString() ?? fallback;

    /// <summary>A bool field, false when absent (proto3 default).</summary>
    public bool Bool(string name) => Scalar(name)?.AsBool() ?? false;

    private static TextProtoMessage AsMessage(string name, TextProtoValue value) =>
        value as TextProtoMessage
        ?? throw new TextProtoFormatException($"line {value.Line}: field '{name}' is a scalar, expected a message");
}
