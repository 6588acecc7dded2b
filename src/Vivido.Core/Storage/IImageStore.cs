using Vivido.Core.Engine;
using Vivido.Core.Images;

namespace Vivido.Core.Storage;

/// <summary>Registering, loading and listing images.</summary>
public interface IImageStore
{
    /// <summary>
    /// Registers a digest in its initial state at version 1, writes its <c>register</c> history entry
    /// (kind accepted, from null) and points the given tags at it. A digest already registered is
    /// returned unchanged with <see cref="RegistrationResult.Created"/> false, whatever the request says.
    /// </summary>
    Task<RegistrationResult> RegisterImageAsync(ImageRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>The image, or null when the digest is not registered.</summary>
    Task<ImageRecord?> LoadImageAsync(string digest, CancellationToken cancellationToken = default);

    /// <summary>The image with its evidence as the engine sees it (latest scan, sbom, signature, provenance; latest result per test suite; every approval and deployment), or null.</summary>
    Task<ImageSnapshot?> LoadSnapshotAsync(string digest, CancellationToken cancellationToken = default);

    /// <summary>A page of images matching <paramref name="query"/>, in registration order. Throws <see cref="ArgumentException"/> for a malformed cursor, a limit outside 1..1000, or InStateLongerThan without Now.</summary>
    Task<ImagePage> ListImagesAsync(ImageQuery query, CancellationToken cancellationToken = default);

    /// <summary>The repository's Active digests (oldest in state first) and Deprecated digests (most recently deprecated first: the default rollback target leads).</summary>
    Task<RepositoryContext> LoadRepositoryContextAsync(string repository, CancellationToken cancellationToken = default);
}
