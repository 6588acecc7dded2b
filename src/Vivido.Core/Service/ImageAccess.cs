using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>Loading what a caller names, with the same 400 / 404 / 403 answers everywhere.</summary>
internal static class ImageAccess
{
    /// <summary>400 for a malformed digest, 404 when it is not registered, 403 outside the token's repositories.</summary>
    public static async Task<ServiceResult<ImageRecord>> LoadAsync(IImageStore store, Caller caller, string? digest, CancellationToken cancellationToken)
    {
        if (Inputs.Digest(digest) is { } bad)
        {
            return bad;
        }

        var image = await store.LoadImageAsync(digest!, cancellationToken).ConfigureAwait(false);
        if (image is null)
        {
            return NotFound(digest!);
        }

        return caller.CanAccess(image.Repository) ? image : Denied(image.Repository);
    }

    /// <summary>400 for a malformed repository, 403 outside the token's repositories, else null.</summary>
    public static ServiceFailure? CheckRepository(Caller caller, string? repository, string field = "repository") =>
        (ServiceFailure?)Inputs.Repository(repository, field) ?? (caller.CanAccess(repository!) ? null : Denied(repository!));

    public static ResourceNotFound NotFound(string digest) => new($"image {digest} is not registered");

    public static AccessDenied Denied(string repository) => new($"the token may not act on repository {repository}");
}
