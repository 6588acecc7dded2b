using System.Globalization;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>
/// Reads <c>cel.expr.Value</c> messages: converts them to <see cref="CelValue"/> for bindings, and
/// matches an actual result against them. Matching is kind-strict (an expected int64 does not match a
/// uint or double, unlike CEL's <c>==</c>), lists are ordered, maps order-agnostic, and any NaN
/// matches any NaN, as simple.proto specifies.
/// </summary>
internal static class ConformanceValues
{
    public static CelValue ToCel(TextProtoMessage value)
    {
        var (kind, field) = Single(value);
        return kind switch
        {
            "null_value" => CelValue.Null,
            "bool_value" => CelValue.Bool(Scalar(field).AsBool()),
            "int64_value" => CelValue.Int(Scalar(field).AsInt64()),
            "uint64_value" => CelValue.Uint(Scalar(field).AsUInt64()),
            "double_value" => CelValue.Double(Scalar(field).AsDouble()),
            "string_value" => CelValue.String(Scalar(field).AsString()),
            "bytes_value" => CelValue.Bytes(Scalar(field).AsBytes()),
            "type_value" => CelValue.TypeValue(Scalar(field).AsString()),
            "list_value" => CelValue.List([.. Nested(field).Messages("values").Select(ToCel)]),
            "map_value" => CelValue.Map(Nested(field).Messages("entries").Select(
                e => KeyValuePair.Create(ToCel(Required(e, "key")), ToCel(Required(e, "value"))))),
            _ => throw new NotSupportedException($"line {value.Line}: cannot convert a '{kind}' to a CEL value"),
        };
    }

    /// <summary>A binding's <c>cel.expr.ExprValue</c>: a value, or an error set (as a CEL error value).</summary>
    public static CelValue BindingToCel(TextProtoMessage exprValue)
    {
        if (exprValue.Message("error") is { } errorSet)
        {
            var messages = errorSet.Messages("errors").Select(e => e.String("message"));
            return CelValue.Error(string.Join("; ", messages));
        }

        return ToCel(Required(exprValue, "value"));
    }

    public static bool Matches(TextProtoMessage expected, CelValue actual)
    {
        var (kind, field) = Single(expected);
        return kind switch
        {
            "null_value" => actual.Kind == CelKind.Null,
            "bool_value" => actual.Kind == CelKind.Bool && actual.AsBool() == Scalar(field).AsBool(),
            "int64_value" => actual.Kind == CelKind.Int && actual.AsInt() == Scalar(field).AsInt64(),
            "uint64_value" => actual.Kind == CelKind.Uint && actual.AsUint() == Scalar(field).AsUInt64(),
            "double_value" => actual.Kind == CelKind.Double && DoublesMatch(Scalar(field).AsDouble(), actual.AsDouble()),
            "string_value" => actual.Kind == CelKind.String && string.Equals(actual.AsString(), Scalar(field).AsString(), StringComparison.Ordinal),
            "bytes_value" => actual.Kind == CelKind.Bytes && actual.AsBytes().AsSpan().SequenceEqual(Scalar(field).AsBytes()),
            "type_value" => actual.Kind == CelKind.Type && string.Equals(actual.AsTypeName(), Scalar(field).AsString(), StringComparison.Ordinal),
            "list_value" => actual.Kind == CelKind.List && ListMatches([.. Nested(field).Messages("values")], actual.AsList()),
            "map_value" => actual.Kind == CelKind.Map && MapMatches([.. Nested(field).Messages("entries")], actual.AsMap()),
            _ => throw new NotSupportedException($"line {expected.Line}: cannot match a '{kind}'"),
        };
    }

    /// <summary>
    /// CEL-literal-like text of an expected value, in the same style as <see cref="CelValueText"/> but
    /// built from the message alone, so a broken CelValue cannot hide what was expected.
    /// </summary>
    public static string Format(TextProtoMessage expected)
    {
        var (kind, field) = Single(expected);
        return kind switch
        {
            "list_value" => "[" + string.Join(", ", Nested(field).Messages("values").Select(Format)) + "]",
            "map_value" => "{" + string.Join(", ", Nested(field).Messages("entries").Select(
                e => Format(Required(e, "key")) + ": " + Format(Required(e, "value")))) + "}",
            "null_value" => "null",
            "bool_value" => Scalar(field).AsBool() ? "true" : "false",
            "int64_value" => Scalar(field).AsInt64().ToString(CultureInfo.InvariantCulture),
            "uint64_value" => Scalar(field).AsUInt64().ToString(CultureInfo.InvariantCulture) + "u",
            "double_value" => CelValueText.FormatDouble(Scalar(field).AsDouble()),
            "string_value" => CelValueText.Quote(Scalar(field).AsString()),
            "bytes_value" => CelValueText.QuoteBytes(Scalar(field).AsBytes()),
            "type_value" => "type(" + Scalar(field).AsString() + ")",
            "object_value" => "message " + (Nested(field).Fields is [var any, ..] ? any.Name : "{}"),
            "enum_value" => "enum " + Nested(field).String("type") + "." + Nested(field).Scalar("value"),
            _ => throw new NotSupportedException($"line {expected.Line}: cannot format a '{kind}'"),
        };
    }

    private static bool DoublesMatch(double expected, double actual) =>
        (double.IsNaN(expected) && double.IsNaN(actual)) || expected == actual;

    private static bool ListMatches(List<TextProtoMessage> expected, CelList actual)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (!Matches(expected[i], actual[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every expected entry must match a distinct actual entry, and the sizes must agree.</summary>
    private static bool MapMatches(List<TextProtoMessage> expected, CelMap actual)
    {
        var entries = actual.Entries.ToList();
        if (expected.Count != actual.Count || entries.Count != actual.Count)
        {
            return false;
        }

        var used = new bool[entries.Count];
        foreach (var entry in expected)
        {
            var index = entries.FindIndex(a => Matches(Required(entry, "key"), a.Key));
            if (index < 0 || used[index] || !Matches(Required(entry, "value"), entries[index].Value))
            {
                return false;
            }

            used[index] = true;
        }

        return true;
    }

    private static (string Kind, TextProtoValue Field) Single(TextProtoMessage value) =>
        value.Fields.Count == 1
            ? (value.Fields[0].Name, value.Fields[0].Value)
            : throw new TextProtoFormatException($"line {value.Line}: a cel.expr.Value must set exactly one field, found {value.Fields.Count}");

    private static TextProtoScalar Scalar(TextProtoValue field) =>
        field as TextProtoScalar ?? throw new TextProtoFormatException($"line {field.Line}: expected a scalar");

    private static TextProtoMessage Nested(TextProtoValue field) =>
        field as TextProtoMessage ?? throw new TextProtoFormatException($"line {field.Line}: expected a message");

    private static TextProtoMessage Required(TextProtoMessage message, string name) =>
        message.Message(name) ?? throw new TextProtoFormatException($"line {message.Line}: missing '{name}'");
}
