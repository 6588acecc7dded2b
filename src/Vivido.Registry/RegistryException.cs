using System.Net;

namespace Vivido.Registry;

/// <summary>A registry refused or failed a request; the message is one line naming the registry, repository and status.</summary>
public sealed class RegistryException : Exception
{
    public RegistryException()
    {
    }

    public RegistryException(string message)
        : base(message)
    {
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryException(string message, HttpStatusCode? status, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
    }

    /// <summary>The HTTP status the registry answered, or null when it could not be reached.</summary>
    public HttpStatusCode? Status { get; }
}
