namespace Vivido.Core.Storage;

/// <summary>One page of images.</summary>
/// <param name="Items">The images, in registration order.</param>
/// <param name="NextCursor">An opaque cursor for the next page; null when this is the last page.</param>
public sealed record ImagePage(IReadOnlyList<ImageRecord> Items, string? NextCursor);
