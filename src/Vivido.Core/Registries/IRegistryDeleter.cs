namespace Vivido.Core.Registries;

/// <summary>Deletes image manifests from the registry a repository lives in.</summary>
public interface IRegistryDeleter
{
    /// <summary>Deletes the manifest <paramref name="repository"/>@<paramref name="digest"/>. False when the registry no longer has it.</summary>
    /// <exception cref="RegistryUnavailableException">The registry refused or could not be asked; nothing is known to be deleted.</exception>
    Task<bool> DeleteManifestAsync(string repository, string digest, CancellationToken cancellationToken = default);
}
