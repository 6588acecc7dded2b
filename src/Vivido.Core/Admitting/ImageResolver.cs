using Vivido.Core.Admission;
using Vivido.Core.Registries;
using Vivido.Core.Storage;

namespace Vivido.Core.Admitting;

/// <summary>
/// Resolves a container image to a digest and its state from the store: a digest as given; a tag
/// through Vivido's tag table, or (by <see cref="UnknownTagPolicy.Resolve"/>) through the registry.
/// </summary>
internal sealed class ImageResolver(IVividoStore store, ITagResolver? registry, UnknownTagPolicy unknownTags, AdmissionCache cache)
{
    public async Task<ResolvedImage> ResolveAsync(ContainerImage image, CancellationToken cancellationToken)
    {
        if (image.Reference is not { } reference)
        {
            return new ResolvedImage(image, null, null, image.Error ?? $"invalid image reference '{image.Image}'");
        }

        var digest = reference.Digest;
        if (digest is null)
        {
            var (found, problem) = await ResolveTagAsync(reference, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return new ResolvedImage(image, null, null, problem);
            }

            digest = found;
        }

        var known = digest;
        var record = await cache.ImageAsync(known, async () =>
            await store.LoadImageAsync(known, cancellationToken).ConfigureAwait(false) is { } loaded ? new ImageState(loaded.Repository, loaded.State) : null).ConfigureAwait(false);
        return record is null
            ? new ResolvedImage(image, digest, null, $"{digest} is not registered in Vivido")
            : new ResolvedImage(image, digest, record.State, null);
    }

    private async Task<(string? Digest, string Problem)> ResolveTagAsync(ImageReference reference, CancellationToken cancellationToken)
    {
        var name = $"{reference.Repository}:{reference.Tag}";
        var tagged = await cache.TagAsync(reference.Repository, reference.Tag!, async () =>
            (await store.FindTagAsync(reference.Repository, reference.Tag!, cancellationToken).ConfigureAwait(false))?.Digest).ConfigureAwait(false);
        if (tagged is not null)
        {
            return (tagged, string.Empty);
        }

        if (unknownTags == UnknownTagPolicy.Deny || registry is null)
        {
            return (null, $"tag {name} is unknown to Vivido");
        }

        try
        {
            return await registry.ResolveTagAsync(reference.Repository, reference.Tag!, cancellationToken).ConfigureAwait(false) is { } digest
                ? (digest, string.Empty)
                : (null, $"tag {name} is unknown to Vivido and to its registry");
        }
        catch (RegistryUnavailableException ex)
        {
            return (null, $"tag {name} is unknown to Vivido and its registry could not be asked: {ex.Message}");
        }
    }
}
