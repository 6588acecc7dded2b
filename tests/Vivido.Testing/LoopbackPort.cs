using System.Net;
using System.Net.Sockets;

namespace Vivido.Testing;

/// <summary>Free TCP ports on 127.0.0.1 for child servers.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// A port that was free a moment ago; another process may still take it before the caller binds it,
    /// so callers retry on "address already in use".
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
