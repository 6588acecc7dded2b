namespace Vivido.Cel.Functions;

/// <summary>
/// Translates the RE2 syntax CEL specifies into an equivalent .NET pattern for the non-backtracking
/// engine. Constructs RE2 rejects (backreferences, lookaround, atomic groups, ...) are rejected here
/// too; ASCII-only classes (\d, \w, \s) and '.' matching whole code points keep RE2 semantics.
/// </summary>
internal static class Re2Translator
{
    public static bool TryTranslate(string pattern, out string translated, out string error)
    {
        var state = new Re2Translation(pattern);
        try
        {
            state.Run();
            translated = state.Output.ToString();
            error = string.Empty;
            return true;
        }
        catch (FormatException ex)
        {
            translated = string.Empty;
            error = ex.Message;
            return false;
        }
    }
}
