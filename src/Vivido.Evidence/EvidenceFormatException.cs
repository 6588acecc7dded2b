namespace Vivido.Evidence;

/// <summary>The document is not one Vivido reads, or is malformed; <see cref="Exception.Message"/> says what is wrong in one line.</summary>
public sealed class EvidenceFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EvidenceFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public EvidenceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EvidenceFormatException()
        : base("the document could not be read")
    {
    }
}
