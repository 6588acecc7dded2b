using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>An image with its row id, which the other tables reference.</summary>
/// <param name="Id">The images.id of the row.</param>
/// <param name="Image">The image as the port returns it.</param>
public sealed record StoredImage(long Id, ImageRecord Image)
{
    /// <summary>The engine's view of the image with the facts the store read for it.</summary>
    public ImageSnapshot ToSnapshot(ImageFacts facts) => new(
        Image.Digest, Image.Repository, Image.State, Image.Version, Image.EnteredStateAt, Image.Tags, Image.Attributes, Image.Vetoed, facts);
}
