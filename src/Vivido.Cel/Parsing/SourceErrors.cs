namespace Vivido.Cel.Parsing;

/// <summary>Builds compile errors with 1-based line and column from a source offset.</summary>
internal static class SourceErrors
{
    public static CelCompileException At(string source, int position, string reason)
    {
        var line = 1;
        var column = 1;
        var end = Math.Min(position, source.Length);
        for (var i = 0; i < end; i++)
        {
            if (source[i] == '\n' || (source[i] == '\r' && (i + 1 >= source.Length || source[i + 1] != '\n')))
            {
                line++;
                column = 1;
            }
            else if (source[i] != '\r')
            {
                column++;
            }
        }

        return new CelCompileException(line, column, reason);
    }
}
