namespace Vivido.Core.Bundles;

/// <summary>An evidence bundle failed verification; the message is one line naming the file at fault, e.g. <c>evidence/3-scan.json: sha256 mismatch</c>.</summary>
public sealed class BundleFormatException : Exception
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public BundleFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and the error that caused it.</summary>
    public BundleFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public BundleFormatException()
        : base("bundle: invalid")
    {
    }
}
