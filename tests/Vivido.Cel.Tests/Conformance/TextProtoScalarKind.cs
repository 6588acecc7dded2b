namespace Vivido.Cel.Tests.Conformance;

/// <summary>The lexical form a scalar was written in; the field's type decides how it is read.</summary>
internal enum TextProtoScalarKind
{
    String,
    Number,
    Identifier,
}
