namespace Vivido.Cel.Parsing;

/// <summary>Words CEL reserves; they cannot name variables or global functions.</summary>
internal static class Keywords
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    };

    public static bool IsReserved(string word) => Reserved.Contains(word);
}
