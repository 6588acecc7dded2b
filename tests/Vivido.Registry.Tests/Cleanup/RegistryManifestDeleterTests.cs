using Vivido.Core.Registries;
using Vivido.Registry.Cleanup;
using Vivido.Testing;

namespace Vivido.Registry.Tests.Cleanup;

/// <summary>Deleting manifests from a real CNCF Distribution registry through the repository's host.</summary>
[Collection("registry")]
public sealed class RegistryManifestDeleterTests(RegistryFixture fixture) : IDisposable
{
    private readonly RegistryClientFactory _factory = new(new RegistrySettings([new RegistryHostSettings(fixture.Server.Host, Insecure: true)]));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task DeleteManifestAsync_PushedImage_GoneAndSecondDeleteReportsAbsent()
    {
        var digest = await TestImages.PushAsync(fixture.Server, "cleanup/deleter", "v1");
        var kept = await TestImages.PushAsync(fixture.Server, "cleanup/deleter", "v2");
        var deleter = new RegistryManifestDeleter(_factory);
        var repository = $"{fixture.Server.Host}/cleanup/deleter";

        var first = await deleter.DeleteManifestAsync(repository, digest);
        var second = await deleter.DeleteManifestAsync(repository, digest);

        first.ShouldBeTrue();
        second.ShouldBeFalse();
        (await fixture.Client.ResolveAsync("cleanup/deleter", digest)).ShouldBeNull();
        (await fixture.Client.ResolveAsync("cleanup/deleter", kept)).ShouldNotBeNull();
    }

    [Fact]
    public async Task DeleteManifestAsync_RegistryStopped_ThrowsUnavailable()
    {
        using var stopped = await StoppedRegistry.CreateAsync();
        var (host, factory) = (stopped.Host, stopped.Factory);

        var error = await Should.ThrowAsync<RegistryUnavailableException>(
            () => new RegistryManifestDeleter(factory).DeleteManifestAsync(host + "/cleanup/gone", "sha256:" + new string('d', 64)));

        error.Message.ShouldContain(host);
    }

    [Fact]
    public async Task DeleteManifestAsync_NameNotValidInARegistry_ThrowsUnavailable()
    {
        var error = await Should.ThrowAsync<RegistryUnavailableException>(
            () => new RegistryManifestDeleter(_factory).DeleteManifestAsync(fixture.Server.Host + "/Team/App", "sha256:" + new string('e', 64)));

        error.Message.ShouldContain("Team/App");
    }
}
