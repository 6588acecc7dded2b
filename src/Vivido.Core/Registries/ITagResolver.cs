namespace Vivido.Core.Registries;

/// <summary>Asks an image's registry which digest a tag points to now.</summary>
public interface ITagResolver
{
    /// <summary>The digest <paramref name="repository"/>:<paramref name="tag"/> points to, or null when the registry has no such tag.</summary>
    /// <exception cref="RegistryUnavailableException">The registry could not be asked.</exception>
    Task<string?> ResolveTagAsync(string repository, string tag, CancellationToken cancellationToken = default);
}
