namespace Vivido.Cel.Tests.Conformance;

/// <summary>A lexical token; <see cref="Bytes"/> holds a string literal's decoded bytes.</summary>
internal sealed record TextProtoToken(TextProtoTokenKind Kind, string Text, byte[] Bytes, int Line, int Column)
{
    public bool IsSymbol(char symbol) => Kind == TextProtoTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;

    public string Describe() => Kind switch
    {
        TextProtoTokenKind.End => "end of input",
        TextProtoTokenKind.String => "a string",
        _ => $"'{Text}'",
    };
}
