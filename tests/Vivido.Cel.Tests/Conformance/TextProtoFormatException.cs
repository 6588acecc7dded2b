namespace Vivido.Cel.Tests.Conformance;

/// <summary>Malformed text-format input, or a scalar read as a type it cannot represent.</summary>
internal sealed class TextProtoFormatException : Exception
{
    public TextProtoFormatException(string message)
        : base(message)
    {
    }

    public TextProtoFormatException(int line, int column, string message)
        : base($"{line}:{column}: {message}")
    {
    }
}
