using Vivido.Core.Registries;

namespace Vivido.Registry.Cleanup;

/// <summary>Deletes a Vivido repository's manifest through the <see cref="RegistryClient"/> of the registry host its name starts with.</summary>
public sealed class RegistryManifestDeleter : IRegistryDeleter
{
    private readonly RegistryClientFactory _registries;

    public RegistryManifestDeleter(RegistryClientFactory registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        _registries = registries;
    }

    public async Task<bool> DeleteManifestAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        var (host, path) = RepositoryNames.Split(repository);
        try
        {
            return await _registries.For(host).DeleteManifestAsync(path, digest, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryException ex)
        {
            throw new RegistryUnavailableException(ex.Message, ex);
        }
        catch (ArgumentException ex)
        {
            throw new RegistryUnavailableException($"{repository} cannot be deleted from a registry: {ex.Message}", ex);
        }
    }
}
