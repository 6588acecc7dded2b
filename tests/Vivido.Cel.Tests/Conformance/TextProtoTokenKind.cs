namespace Vivido.Cel.Tests.Conformance;

/// <summary>Token kinds of the text format.</summary>
internal enum TextProtoTokenKind
{
    End,
    Identifier,
    Number,
    String,
    Symbol,
}
