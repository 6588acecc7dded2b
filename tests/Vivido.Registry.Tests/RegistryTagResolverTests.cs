using Vivido.Core.Registries;

namespace Vivido.Registry.Tests;

public sealed class RegistryTagResolverTests
{
    [Fact]
    public async Task ResolveTagAsync_RegistryStopped_ThrowsUnavailable()
    {
        using var stopped = await StoppedRegistry.CreateAsync();

        var error = await Should.ThrowAsync<RegistryUnavailableException>(
            () => new RegistryTagResolver(stopped.Factory).ResolveTagAsync(stopped.Host + "/team/api", "v1"));

        error.Message.ShouldContain(stopped.Host);
    }

    [Fact]
    public async Task ResolveTagAsync_NotARegistryName_ThrowsUnavailable()
    {
        using var stopped = await StoppedRegistry.CreateAsync();

        await Should.ThrowAsync<RegistryUnavailableException>(() => new RegistryTagResolver(stopped.Factory).ResolveTagAsync("no-host", "v1"));
    }
}
