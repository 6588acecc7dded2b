namespace Vivido.Cel;

/// <summary>A syntax error, limit violation or undeclared variable found while compiling an expression.</summary>
public sealed class CelCompileException : Exception
{
    internal CelCompileException(int line, int column, string reason)
        : base($"{line}:{column}: {reason}")
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>What went wrong, e.g. "expected ')' but found end of input".</summary>
    public string Reason { get; }
}
