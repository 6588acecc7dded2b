namespace Vivido.Core.Registries;

/// <summary>
/// A registry could not answer (unreachable, 5xx, refused credentials, not configured). Thrown by the
/// registry ports; the services turn it into a failure, never into a half-written result.
/// </summary>
public sealed class RegistryUnavailableException : Exception
{
    public RegistryUnavailableException()
    {
    }

    public RegistryUnavailableException(string message)
        : base(message)
    {
    }

    public RegistryUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
