using Vivido.Testing;

namespace Vivido.Registry.Tests;

/// <summary>One live registry shared by the live tests, and a client factory configured for it (plain http).</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private RegistryServer? _server;
    private RegistryClientFactory? _factory;

    public RegistryServer Server => _server ?? throw new InvalidOperationException("the registry is not started yet");

    public RegistryClient Client => (_factory ?? throw new InvalidOperationException("the registry is not started yet")).For(Server.Host);

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync();
        _factory = new RegistryClientFactory(new RegistrySettings([new RegistryHostSettings(_server.Host, Insecure: true)]));
    }

    public async Task DisposeAsync()
    {
        _factory?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
