using Vivido.Core.Registries;

namespace Vivido.Registry;

/// <summary>Resolves a tag with one manifest HEAD (GET when the registry will not say) through <see cref="RegistryClientFactory"/>.</summary>
public sealed class RegistryTagResolver : ITagResolver
{
    private readonly RegistryClientFactory _registries;

    public RegistryTagResolver(RegistryClientFactory registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        _registries = registries;
    }

    public async Task<string?> ResolveTagAsync(string repository, string tag, CancellationToken cancellationToken = default)
    {
        try
        {
            var (host, path) = RepositoryNames.Split(repository);
            var descriptor = await _registries.For(host).ResolveAsync(path, tag, cancellationToken).ConfigureAwait(false);
            return descriptor?.Digest;
        }
        catch (RegistryException ex)
        {
            throw new RegistryUnavailableException(ex.Message, ex);
        }
        catch (ArgumentException ex)
        {
            throw new RegistryUnavailableException($"{repository} cannot be looked up in a registry: {ex.Message}", ex);
        }
    }
}
