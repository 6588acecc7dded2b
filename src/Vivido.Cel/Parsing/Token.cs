namespace Vivido.Cel.Parsing;

/// <summary>
/// One token. <see cref="Text"/> holds the identifier name, the decoded string, or the digits of a
/// number; <see cref="Value"/> holds the decoded literal for numbers, strings and bytes.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Position, string Text, CelValue Value)
{
    /// <summary>How the token reads in an error message, e.g. "')'", "identifier 'x'", "end of input".</summary>
    public string Describe() => Kind switch
    {
        TokenKind.EndOfInput => "end of input",
        TokenKind.Identifier => $"identifier '{Text}'",
        TokenKind.Int or TokenKind.Uint or TokenKind.Double => $"number '{Text}'",
        TokenKind.String => "string literal",
        TokenKind.Bytes => "bytes literal",
        _ => $"'{Text}'",
    };
}
