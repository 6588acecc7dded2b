namespace Vivido.Server;

/// <summary>The server cannot start: an invalid lifecycle file, an unusable bootstrap token, an unwritable data folder.</summary>
public sealed class ServerStartupException : Exception
{
    public ServerStartupException()
    {
    }

    public ServerStartupException(string message)
        : base(message)
    {
    }

    public ServerStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
