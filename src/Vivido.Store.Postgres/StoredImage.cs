using Vivido.Core.Storage;

namespace Vivido.Store.Postgres;

/// <summary>An image with its row id, which the other tables reference.</summary>
internal sealed record StoredImage(long Id, ImageRecord Image);
