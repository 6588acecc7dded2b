namespace Vivido.Cli;

/// <summary>A failure the user caused or must fix: printed as one line on stderr, never with a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Error) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
