namespace Vivido.Server.Tests.Support;

/// <summary>One server per test class (xunit class fixture); tests use fresh digests and repositories so they do not interfere.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private ServerHarness? _server;

    internal ServerHarness Server => _server ?? throw new InvalidOperationException("the fixture is not started");

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
