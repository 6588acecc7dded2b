namespace Vivido.Cel.Tests.Conformance;

/// <summary>A field value in a protobuf text-format document: a scalar token or a nested message.</summary>
internal abstract class TextProtoValue
{
    protected TextProtoValue(int line) => Line = line;

    /// <summary>1-based source line where the value starts, for error messages.</summary>
    public int Line { get; }
}
