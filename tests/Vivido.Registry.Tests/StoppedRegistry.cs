using Vivido.Testing;

namespace Vivido.Registry.Tests;

/// <summary>A registry host whose server was started and stopped, so its port refuses connections; the factory tries each request once.</summary>
internal sealed class StoppedRegistry : IDisposable
{
    private StoppedRegistry(string host, RegistryClientFactory factory)
    {
        Host = host;
        Factory = factory;
    }

    public string Host { get; }

    public RegistryClientFactory Factory { get; }

    public static async Task<StoppedRegistry> CreateAsync()
    {
        string host;
        await using (var server = await RegistryServer.StartAsync())
        {
            host = server.Host;
        }

        var factory = new RegistryClientFactory(new RegistrySettings([new RegistryHostSettings(host, Insecure: true)]))
        {
            Retry = RegistryRetryOptions.Default with { MaxAttempts = 1 },
        };
        return new StoppedRegistry(host, factory);
    }

    public void Dispose() => Factory.Dispose();
}
