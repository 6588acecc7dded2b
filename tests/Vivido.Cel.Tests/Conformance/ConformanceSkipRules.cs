using System.Text.RegularExpressions;

namespace Vivido.Cel.Tests.Conformance;

/// <summary>
/// Every reason a conformance case is not run, in one place. A case is skipped for the first rule
/// that matches; rules describe features Vivido's CEL subset does not have (protobuf messages and
/// enums, optional syntax, unknowns, a type checker), never cases that merely fail.
/// </summary>
internal static partial class ConformanceSkipRules
{
    public static IReadOnlyList<(Func<ConformanceCase, bool> Applies, string Reason)> Rules { get; } =
    [
        (c => c.ExpectationKind == ConformanceExpectationKind.CheckOnly,
            "type-check only (check_only, or typed_result without a result): Vivido has no type checker"),
        (c => c.ExpectationKind == ConformanceExpectationKind.Unknown,
            "expects an unknown set (unknown / any_unknowns): partial evaluation is not supported"),
        (c => c.DisableMacros,
            "disable_macros: Vivido always expands macros"),
        (c => ExpectedValueHolds(c, "object_value", "enum_value"),
            "expected value is a protobuf message or enum (object_value / enum_value)"),
        (c => c.Bindings.Any(b => Holds(b.Value, "object_value", "enum_value")),
            "a binding is a protobuf message or enum (object_value / enum_value)"),
        (c => c.Bindings.Any(b => b.Value.Has("unknown")),
            "a binding is an unknown set: partial evaluation is not supported"),
        (c => MessageConstruction().IsMatch(Code(c)),
            "expression constructs a protobuf message (TestAllTypes{...}, google.protobuf.*{...})"),
        (c => c.Container.Length > 0 && ProtoTypeName().IsMatch(Code(c)),
            "container names a proto package and the expression uses its messages or enums"),
        (c => OptionalSyntax().IsMatch(Code(c)),
            "optional syntax (.?, [?, {?, optional.*) is not supported"),
    ];

    /// <summary>The reason of the first rule that applies, or null when the case runs.</summary>
    public static string? Match(ConformanceCase test) =>
        Rules.FirstOrDefault(rule => rule.Applies(test)).Reason;

    private static string Code(ConformanceCase c) => CelSourceText.WithoutLiteralsAndComments(c.Expr);

    private static bool ExpectedValueHolds(ConformanceCase c, params string[] fields) =>
        c.ExpectedValue is { } value && Holds(value, fields);

    /// <summary>True when the message or any message nested in it sets one of the fields.</summary>
    private static bool Holds(TextProtoMessage message, params string[] fields) =>
        message.Fields.Any(f => fields.Contains(f.Name) || (f.Value is TextProtoMessage nested && Holds(nested, fields)));

    /// <summary>A capitalised (message-style) type name, possibly qualified, followed by '{'.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9_]*\s*\{")]
    private static partial Regex MessageConstruction();

    /// <summary>
    /// A capitalised identifier (message and enum names are CamelCase, CEL's own names are not) that is
    /// not a literal prefix such as <c>R'...'</c> or <c>B"..."</c>.
    /// </summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9_]*\b(?!['""])")]
    private static partial Regex ProtoTypeName();

    [GeneratedRegex(@"\.\s*\?|\[\s*\?|\{\s*\?|,\s*\?|\boptional\.")]
    private static partial Regex OptionalSyntax();
}
